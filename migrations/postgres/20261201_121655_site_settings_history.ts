import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum__site_settings_v_version_publish_policy" AS ENUM('approved-only', 'pending-with-banner');
  CREATE TYPE "public"."enum__site_settings_v_version_citation_style" AS ENUM('vancouver', 'ama');
  CREATE TABLE "_site_settings_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"version_site_name" varchar DEFAULT 'Medical Answers' NOT NULL,
  	"version_advisory_board_statement" varchar DEFAULT 'All articles are reviewed for accuracy by our Medical Advisory Board.' NOT NULL,
  	"version_disclaimer" varchar,
  	"version_editorial_policy" varchar,
  	"version_publish_policy" "enum__site_settings_v_version_publish_policy" DEFAULT 'approved-only' NOT NULL,
  	"version_review_interval_months" numeric DEFAULT 12 NOT NULL,
  	"version_citation_style" "enum__site_settings_v_version_citation_style" DEFAULT 'vancouver' NOT NULL,
  	"version_updated_by_id" integer,
  	"version_follow_up_heading" varchar DEFAULT 'Have a follow-up question?',
  	"version_follow_up_text" varchar,
  	"version_follow_up_label" varchar DEFAULT 'Ask a follow-up question',
  	"version_follow_up_url" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "site_settings" ADD COLUMN "updated_by_id" integer;
  ALTER TABLE "_site_settings_v" ADD CONSTRAINT "_site_settings_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "_site_settings_v_version_version_updated_by_idx" ON "_site_settings_v" USING btree ("version_updated_by_id");
  CREATE INDEX "_site_settings_v_created_at_idx" ON "_site_settings_v" USING btree ("created_at");
  CREATE INDEX "_site_settings_v_updated_at_idx" ON "_site_settings_v" USING btree ("updated_at");
  ALTER TABLE "site_settings" ADD CONSTRAINT "site_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "site_settings_updated_by_idx" ON "site_settings" USING btree ("updated_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "_site_settings_v" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "_site_settings_v" CASCADE;
  ALTER TABLE "site_settings" DROP CONSTRAINT "site_settings_updated_by_id_users_id_fk";
  
  DROP INDEX "site_settings_updated_by_idx";
  ALTER TABLE "site_settings" DROP COLUMN "updated_by_id";
  DROP TYPE "public"."enum__site_settings_v_version_publish_policy";
  DROP TYPE "public"."enum__site_settings_v_version_citation_style";`)
}
