import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "articles_status_review_due_idx" ON "articles" USING btree ("_status","review_due");
  CREATE INDEX "_articles_v_state_latest_idx" ON "_articles_v" USING btree ("version_state","latest");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_status_review_due_idx";
  DROP INDEX "_articles_v_state_latest_idx";`)
}
