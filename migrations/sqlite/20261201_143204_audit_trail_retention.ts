import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`actor_name\` text;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`actor_credentials\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`deactivated\` integer DEFAULT false;`)
  // Events written before the actor's profile was frozen into them take it as it is now.
  await db.run(
    sql`UPDATE \`reviews\` SET \`actor_name\` = (SELECT \`name\` FROM \`users\` WHERE \`users\`.\`id\` = \`reviews\`.\`actor_id\`), \`actor_credentials\` = (SELECT \`credentials\` FROM \`users\` WHERE \`users\`.\`id\` = \`reviews\`.\`actor_id\`) WHERE \`actor_id\` IS NOT NULL;`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`actor_name\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`actor_credentials\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`deactivated\`;`)
}
