import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_site_settings_reference_policy" AS ENUM('require-verified', 'warn');
  CREATE TYPE "public"."enum__site_settings_v_version_reference_policy" AS ENUM('require-verified', 'warn');
  ALTER TABLE "site_settings" ADD COLUMN "reference_policy" "enum_site_settings_reference_policy" DEFAULT 'require-verified' NOT NULL;
  ALTER TABLE "_site_settings_v" ADD COLUMN "version_reference_policy" "enum__site_settings_v_version_reference_policy" DEFAULT 'require-verified' NOT NULL;`)
  // Verified references are the default for new sites; a site that exists keeps approving as it
  // did (warnings only) until an editor turns the requirement on.
  await db.execute(sql`UPDATE "site_settings" SET "reference_policy" = 'warn';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "site_settings" DROP COLUMN "reference_policy";
  ALTER TABLE "_site_settings_v" DROP COLUMN "version_reference_policy";
  DROP TYPE "public"."enum_site_settings_reference_policy";
  DROP TYPE "public"."enum__site_settings_v_version_reference_policy";`)
}
