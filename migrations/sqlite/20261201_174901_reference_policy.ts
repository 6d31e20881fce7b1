import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`reference_policy\` text DEFAULT 'require-verified' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`_site_settings_v\` ADD \`version_reference_policy\` text DEFAULT 'require-verified' NOT NULL;`)
  // Verified references are the default for new sites; a site that exists keeps approving as it
  // did (warnings only) until an editor turns the requirement on.
  await db.run(sql`UPDATE \`site_settings\` SET \`reference_policy\` = 'warn';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`reference_policy\`;`)
  await db.run(sql`ALTER TABLE \`_site_settings_v\` DROP COLUMN \`version_reference_policy\`;`)
}
