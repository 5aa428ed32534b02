-- Issue 16: what a lead asks the bot for a person to answer ("¿tienen parqueadero?"), kept for the advisor on the
-- visit they were looking at; the lead's own words, deleted by an erasure.
CREATE TABLE "lead_notes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"lead_id" text NOT NULL,
	"visit_id" text,
	"text" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "lead_notes_lead_idx" ON "lead_notes" USING btree ("lead_id","id");