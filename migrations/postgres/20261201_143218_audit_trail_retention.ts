import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "reviews" ADD COLUMN "actor_name" varchar;
  ALTER TABLE "reviews" ADD COLUMN "actor_credentials" varchar;
  ALTER TABLE "users" ADD COLUMN "deactivated" boolean DEFAULT false;`)
  // Events written before the actor's profile was frozen into them take it as it is now.
  await db.execute(sql`
   UPDATE "reviews" SET "actor_name" = "users"."name", "actor_credentials" = "users"."credentials"
   FROM "users" WHERE "users"."id" = "reviews"."actor_id";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "reviews" DROP COLUMN "actor_name";
  ALTER TABLE "reviews" DROP COLUMN "actor_credentials";
  ALTER TABLE "users" DROP COLUMN "deactivated";`)
}
