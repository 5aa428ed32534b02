-- Dead letters: an entry whose processing keeps failing leaves the queue (processed_at is set, so it falls out of
-- the pending partial indexes and stops blocking its ordering key) with its error code and the time; admins list,
-- retry or discard it. `failures` counts failed tries apart from `attempts` (which waits for files and receipts
-- also raise).
ALTER TABLE "inbox" ADD COLUMN "failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "inbox" ADD COLUMN "error_code" text;--> statement-breakpoint
ALTER TABLE "inbox" ADD COLUMN "dead_lettered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbox" ADD COLUMN "discarded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "inbox_dead_letters_idx" ON "inbox" USING btree ("dead_lettered_at","id") WHERE "inbox"."dead_lettered_at" is not null;