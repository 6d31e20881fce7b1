import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_site_changes_kind" AS ENUM('article', 'citation', 'user', 'review');
  CREATE TABLE "article_renders" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"documents" varchar NOT NULL,
  	"mac" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "site_changes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_site_changes_kind" NOT NULL,
  	"ref" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE UNIQUE INDEX "article_renders_key_idx" ON "article_renders" USING btree ("key");
  CREATE INDEX "article_renders_updated_at_idx" ON "article_renders" USING btree ("updated_at");
  CREATE INDEX "article_renders_created_at_idx" ON "article_renders" USING btree ("created_at");
  CREATE INDEX "site_changes_updated_at_idx" ON "site_changes" USING btree ("updated_at");
  CREATE INDEX "site_changes_created_at_idx" ON "site_changes" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "article_renders" CASCADE;
  DROP TABLE "site_changes" CASCADE;
  DROP TYPE "public"."enum_site_changes_kind";`)
}
