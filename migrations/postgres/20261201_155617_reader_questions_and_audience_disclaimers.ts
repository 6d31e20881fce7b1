import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_questions_status" AS ENUM('new', 'answered', 'planned', 'dismissed');
  CREATE TABLE "questions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"question" varchar NOT NULL,
  	"email" varchar,
  	"article_id" integer,
  	"status" "enum_questions_status" DEFAULT 'new' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "questions_id" integer;
  ALTER TABLE "site_settings" ADD COLUMN "audience_disclaimers_patient" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "audience_disclaimers_student" varchar;
  ALTER TABLE "_site_settings_v" ADD COLUMN "version_audience_disclaimers_patient" varchar;
  ALTER TABLE "_site_settings_v" ADD COLUMN "version_audience_disclaimers_student" varchar;
  ALTER TABLE "questions" ADD CONSTRAINT "questions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "questions_article_idx" ON "questions" USING btree ("article_id");
  CREATE INDEX "questions_status_idx" ON "questions" USING btree ("status");
  CREATE INDEX "questions_updated_at_idx" ON "questions" USING btree ("updated_at");
  CREATE INDEX "questions_created_at_idx" ON "questions" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_questions_fk" FOREIGN KEY ("questions_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_questions_id_idx" ON "payload_locked_documents_rels" USING btree ("questions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "questions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "questions" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_questions_fk";
  
  DROP INDEX "payload_locked_documents_rels_questions_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "questions_id";
  ALTER TABLE "site_settings" DROP COLUMN "audience_disclaimers_patient";
  ALTER TABLE "site_settings" DROP COLUMN "audience_disclaimers_student";
  ALTER TABLE "_site_settings_v" DROP COLUMN "version_audience_disclaimers_patient";
  ALTER TABLE "_site_settings_v" DROP COLUMN "version_audience_disclaimers_student";
  DROP TYPE "public"."enum_questions_status";`)
}
