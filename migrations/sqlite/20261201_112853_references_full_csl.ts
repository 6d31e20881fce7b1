import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`citations_authors\` ADD \`non_dropping_particle\` text;`)
  await db.run(sql`ALTER TABLE \`citations_authors\` ADD \`dropping_particle\` text;`)
  await db.run(sql`ALTER TABLE \`citations_authors\` ADD \`suffix\` text;`)
  await db.run(sql`ALTER TABLE \`citations\` ADD \`pmcid\` text;`)
  await db.run(sql`ALTER TABLE \`citations\` ADD \`isbn\` text;`)
  await db.run(sql`ALTER TABLE \`citations\` ADD \`csl\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`citations_authors\` DROP COLUMN \`non_dropping_particle\`;`)
  await db.run(sql`ALTER TABLE \`citations_authors\` DROP COLUMN \`dropping_particle\`;`)
  await db.run(sql`ALTER TABLE \`citations_authors\` DROP COLUMN \`suffix\`;`)
  await db.run(sql`ALTER TABLE \`citations\` DROP COLUMN \`pmcid\`;`)
  await db.run(sql`ALTER TABLE \`citations\` DROP COLUMN \`isbn\`;`)
  await db.run(sql`ALTER TABLE \`citations\` DROP COLUMN \`csl\`;`)
}
