import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`article_renders\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`documents\` text NOT NULL,
  	\`mac\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`article_renders_key_idx\` ON \`article_renders\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`article_renders_updated_at_idx\` ON \`article_renders\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`article_renders_created_at_idx\` ON \`article_renders\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`site_changes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`ref\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`site_changes_updated_at_idx\` ON \`site_changes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`site_changes_created_at_idx\` ON \`site_changes\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`article_renders\`;`)
  await db.run(sql`DROP TABLE \`site_changes\`;`)
}
