import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_reviews_type" ADD VALUE 'preview_link_created';
  ALTER TYPE "public"."enum_reviews_type" ADD VALUE 'preview_opened';
  ALTER TYPE "public"."enum_reviews_type" ADD VALUE 'preview_comment';
  ALTER TYPE "public"."enum_reviews_type" ADD VALUE 'preview_link_revoked';
  CREATE TABLE "preview_links" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer NOT NULL,
  	"version" varchar NOT NULL,
  	"content_hash" varchar NOT NULL,
  	"recipient" varchar NOT NULL,
  	"token_hash" varchar NOT NULL,
  	"password_hash" varchar,
  	"has_password" boolean DEFAULT false,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"max_uses" numeric,
  	"uses" numeric DEFAULT 0 NOT NULL,
  	"revoked_at" timestamp(3) with time zone,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "preview_links_id" integer;
  ALTER TABLE "preview_links" ADD CONSTRAINT "preview_links_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "preview_links" ADD CONSTRAINT "preview_links_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "preview_links_article_idx" ON "preview_links" USING btree ("article_id");
  CREATE UNIQUE INDEX "preview_links_token_hash_idx" ON "preview_links" USING btree ("token_hash");
  CREATE INDEX "preview_links_created_by_idx" ON "preview_links" USING btree ("created_by_id");
  CREATE INDEX "preview_links_updated_at_idx" ON "preview_links" USING btree ("updated_at");
  CREATE INDEX "preview_links_created_at_idx" ON "preview_links" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_preview_links_fk" FOREIGN KEY ("preview_links_id") REFERENCES "public"."preview_links"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_preview_links_id_idx" ON "payload_locked_documents_rels" USING btree ("preview_links_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "preview_links" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "preview_links" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_preview_links_fk";
  
  ALTER TABLE "reviews" ALTER COLUMN "type" SET DATA TYPE text;
  DROP TYPE "public"."enum_reviews_type";
  CREATE TYPE "public"."enum_reviews_type" AS ENUM('submit', 'withdraw', 'start_review', 'request_changes', 'approve', 'unpublish', 'comment', 'import', 'edit_after_approval', 'review_overdue');
  ALTER TABLE "reviews" ALTER COLUMN "type" SET DATA TYPE "public"."enum_reviews_type" USING "type"::"public"."enum_reviews_type";
  DROP INDEX "payload_locked_documents_rels_preview_links_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "preview_links_id";`)
}
