import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_site_settings_citation_style" ADD VALUE 'ama';
  ALTER TABLE "citations" ALTER COLUMN "type" SET DATA TYPE text;
  ALTER TABLE "citations" ALTER COLUMN "type" SET DEFAULT 'article-journal'::text;
  DROP TYPE "public"."enum_citations_type";
  CREATE TYPE "public"."enum_citations_type" AS ENUM('article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage');
  ALTER TABLE "citations" ALTER COLUMN "type" SET DEFAULT 'article-journal'::"public"."enum_citations_type";
  ALTER TABLE "citations" ALTER COLUMN "type" SET DATA TYPE "public"."enum_citations_type" USING "type"::"public"."enum_citations_type";
  ALTER TABLE "citations_authors" ADD COLUMN "non_dropping_particle" varchar;
  ALTER TABLE "citations_authors" ADD COLUMN "dropping_particle" varchar;
  ALTER TABLE "citations_authors" ADD COLUMN "suffix" varchar;
  ALTER TABLE "citations" ADD COLUMN "pmcid" varchar;
  ALTER TABLE "citations" ADD COLUMN "isbn" varchar;
  ALTER TABLE "citations" ADD COLUMN "csl" jsonb;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "citations" ALTER COLUMN "type" SET DATA TYPE text;
  ALTER TABLE "citations" ALTER COLUMN "type" SET DEFAULT 'article-journal'::text;
  DROP TYPE "public"."enum_citations_type";
  CREATE TYPE "public"."enum_citations_type" AS ENUM('article-journal', 'article', 'book', 'chapter', 'paper-conference', 'report', 'webpage', 'thesis', 'dataset', 'review');
  ALTER TABLE "citations" ALTER COLUMN "type" SET DEFAULT 'article-journal'::"public"."enum_citations_type";
  ALTER TABLE "citations" ALTER COLUMN "type" SET DATA TYPE "public"."enum_citations_type" USING "type"::"public"."enum_citations_type";
  ALTER TABLE "site_settings" ALTER COLUMN "citation_style" SET DATA TYPE text;
  ALTER TABLE "site_settings" ALTER COLUMN "citation_style" SET DEFAULT 'vancouver'::text;
  DROP TYPE "public"."enum_site_settings_citation_style";
  CREATE TYPE "public"."enum_site_settings_citation_style" AS ENUM('vancouver');
  ALTER TABLE "site_settings" ALTER COLUMN "citation_style" SET DEFAULT 'vancouver'::"public"."enum_site_settings_citation_style";
  ALTER TABLE "site_settings" ALTER COLUMN "citation_style" SET DATA TYPE "public"."enum_site_settings_citation_style" USING "citation_style"::"public"."enum_site_settings_citation_style";
  ALTER TABLE "citations_authors" DROP COLUMN "non_dropping_particle";
  ALTER TABLE "citations_authors" DROP COLUMN "dropping_particle";
  ALTER TABLE "citations_authors" DROP COLUMN "suffix";
  ALTER TABLE "citations" DROP COLUMN "pmcid";
  ALTER TABLE "citations" DROP COLUMN "isbn";
  ALTER TABLE "citations" DROP COLUMN "csl";`)
}
