import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`articles_status_review_due_idx\` ON \`articles\` (\`_status\`,\`review_due\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_state_latest_idx\` ON \`_articles_v\` (\`version_state\`,\`latest\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_status_review_due_idx\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_state_latest_idx\`;`)
}
