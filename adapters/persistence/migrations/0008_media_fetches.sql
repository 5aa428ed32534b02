-- Files leads sent, still to be copied from WhatsApp: a queue of their own, leased by the worker that downloads outside any transaction (issue 13).
CREATE TABLE "media_fetches" (
	"message_id" text PRIMARY KEY NOT NULL,
	"phone_number_id" text NOT NULL,
	"wa_media_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease" text,
	"leased_until" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE INDEX "media_fetches_due_idx" ON "media_fetches" USING btree ("next_attempt_at");