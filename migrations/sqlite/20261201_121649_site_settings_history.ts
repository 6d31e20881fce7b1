import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`_site_settings_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`version_site_name\` text DEFAULT 'Medical Answers' NOT NULL,
  	\`version_advisory_board_statement\` text DEFAULT 'All articles are reviewed for accuracy by our Medical Advisory Board.' NOT NULL,
  	\`version_disclaimer\` text,
  	\`version_editorial_policy\` text,
  	\`version_publish_policy\` text DEFAULT 'approved-only' NOT NULL,
  	\`version_review_interval_months\` numeric DEFAULT 12 NOT NULL,
  	\`version_citation_style\` text DEFAULT 'vancouver' NOT NULL,
  	\`version_updated_by_id\` integer,
  	\`version_follow_up_heading\` text DEFAULT 'Have a follow-up question?',
  	\`version_follow_up_text\` text,
  	\`version_follow_up_label\` text DEFAULT 'Ask a follow-up question',
  	\`version_follow_up_url\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`version_updated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_site_settings_v_version_version_updated_by_idx\` ON \`_site_settings_v\` (\`version_updated_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_site_settings_v_created_at_idx\` ON \`_site_settings_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_site_settings_v_updated_at_idx\` ON \`_site_settings_v\` (\`updated_at\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`updated_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`site_settings_updated_by_idx\` ON \`site_settings\` (\`updated_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`_site_settings_v\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_site_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`site_name\` text DEFAULT 'Medical Answers' NOT NULL,
  	\`advisory_board_statement\` text DEFAULT 'All articles are reviewed for accuracy by our Medical Advisory Board.' NOT NULL,
  	\`disclaimer\` text,
  	\`editorial_policy\` text,
  	\`publish_policy\` text DEFAULT 'approved-only' NOT NULL,
  	\`review_interval_months\` numeric DEFAULT 12 NOT NULL,
  	\`citation_style\` text DEFAULT 'vancouver' NOT NULL,
  	\`follow_up_heading\` text DEFAULT 'Have a follow-up question?',
  	\`follow_up_text\` text,
  	\`follow_up_label\` text DEFAULT 'Ask a follow-up question',
  	\`follow_up_url\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_site_settings\`("id", "site_name", "advisory_board_statement", "disclaimer", "editorial_policy", "publish_policy", "review_interval_months", "citation_style", "follow_up_heading", "follow_up_text", "follow_up_label", "follow_up_url", "updated_at", "created_at") SELECT "id", "site_name", "advisory_board_statement", "disclaimer", "editorial_policy", "publish_policy", "review_interval_months", "citation_style", "follow_up_heading", "follow_up_text", "follow_up_label", "follow_up_url", "updated_at", "created_at" FROM \`site_settings\`;`)
  await db.run(sql`DROP TABLE \`site_settings\`;`)
  await db.run(sql`ALTER TABLE \`__new_site_settings\` RENAME TO \`site_settings\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}
