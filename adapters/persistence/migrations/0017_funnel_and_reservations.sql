-- The Colombian sales funnel and separations that do not sell the unit (issue 15).
-- Visit stages: new, contacted, appointment, visited, quoted, reserved, promise, deeded, delivered, withdrawn, lost.
-- The old 'authorised' stage is gone: under the old rule authorising a reservation sold its unit, so those visits
-- are at 'promise' now and their reservations 'confirmed' (the promesa signed). A visit left at 'reserved' with no
-- active reservation (the old rule kept the stage after a cancellation) goes back to 'quoted' if it has quotes, else
-- 'appointment' if it had one, else 'contacted', as a cancellation does now.
-- Reservations gain the quote they freeze (none for older ones: the price sits in the quote's JSON), the separation
-- payment (recorded later), an expiry (requested ones get 8 days from this migration, not from their creation, so
-- none is released the moment it runs) and the stage the visit was at ('contacted' for older ones: unknown).
-- Both enums are rebuilt through text (a value added with ADD VALUE cannot be used in the same transaction).
DROP INDEX "reservations_one_active_per_unit";--> statement-breakpoint
DROP INDEX "reservations_one_active_per_visit";--> statement-breakpoint
ALTER TABLE "reservations" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "visits" ALTER COLUMN "stage" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."reservation_status";--> statement-breakpoint
DROP TYPE "public"."visit_stage";--> statement-breakpoint
CREATE TYPE "public"."reservation_status" AS ENUM('requested', 'authorised', 'confirmed', 'cancelled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."visit_stage" AS ENUM('new', 'contacted', 'appointment', 'visited', 'quoted', 'reserved', 'promise', 'deeded', 'delivered', 'withdrawn', 'lost');--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "quote_id" text;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "quote_number" text;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "quote_version" integer;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "quote_price" bigint;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "quote_currency" text;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "payment_amount" bigint;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "payment_currency" text;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "payment_date" date;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "payment_reference" text;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "stage_before" text;--> statement-breakpoint
UPDATE "visits" SET "stage" = 'promise' WHERE "stage" = 'authorised';--> statement-breakpoint
UPDATE "reservations" SET "status" = 'confirmed' WHERE "status" = 'authorised';--> statement-breakpoint
UPDATE "reservations" SET "stage_before" = 'contacted',
  "expires_at" = CASE WHEN "status" = 'requested' THEN now() + interval '8 days' ELSE "created_at" + interval '8 days' END;--> statement-breakpoint
UPDATE "visits" v SET "stage" = CASE
    WHEN EXISTS (SELECT 1 FROM "quotes" q WHERE q."visit_id" = v."id") THEN 'quoted'
    WHEN EXISTS (SELECT 1 FROM "appointments" a WHERE a."visit_id" = v."id") THEN 'appointment'
    ELSE 'contacted' END
  WHERE v."stage" = 'reserved'
    AND NOT EXISTS (SELECT 1 FROM "reservations" r WHERE r."visit_id" = v."id" AND r."status" IN ('requested', 'confirmed'));--> statement-breakpoint
ALTER TABLE "reservations" ALTER COLUMN "status" SET DATA TYPE "public"."reservation_status" USING "status"::"public"."reservation_status";--> statement-breakpoint
ALTER TABLE "visits" ALTER COLUMN "stage" SET DATA TYPE "public"."visit_stage" USING "stage"::"public"."visit_stage";--> statement-breakpoint
ALTER TABLE "reservations" ALTER COLUMN "stage_before" SET DATA TYPE "public"."visit_stage" USING "stage_before"::"public"."visit_stage";--> statement-breakpoint
ALTER TABLE "reservations" ALTER COLUMN "stage_before" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "reservations" ALTER COLUMN "expires_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "reservations_open_expiry_idx" ON "reservations" USING btree ("expires_at") WHERE "reservations"."status" in ('requested', 'authorised');--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_one_active_per_unit" ON "reservations" USING btree ("unit_id") WHERE "reservations"."status" in ('requested', 'authorised', 'confirmed');--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_one_active_per_visit" ON "reservations" USING btree ("visit_id") WHERE "reservations"."status" in ('requested', 'authorised', 'confirmed');
