-- Where a lead came from (issue 15): the conversation keeps its first contact (earliest message's text, cut, and
-- time, and the Click-to-WhatsApp ad it came from) and the lead copies it when registered; a CRM-created lead
-- records the source its user gave. Both are versioned JSON (codecs/origin-codec.ts), null on older rows.
-- Data subjects' rights (Ley 1581 de 2012, issue 15): an audit of who exported or erased a lead's data and when
-- (data_subject_requests; the ids of the files an erasure deleted, never the data), and consents that an erasure
-- keeps only as the legally required evidence of the authorisation (consents.evidence_only_since, email cleared).
--> statement-breakpoint
CREATE TYPE "public"."data_subject_request_kind" AS ENUM('access', 'erasure');--> statement-breakpoint
CREATE TABLE "data_subject_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"lead_id" text NOT NULL,
	"kind" "data_subject_request_kind" NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"media_ids" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "evidence_only_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "origin" jsonb;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "origin" jsonb;--> statement-breakpoint
CREATE INDEX "data_subject_requests_at_idx" ON "data_subject_requests" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "data_subject_requests_lead_idx" ON "data_subject_requests" USING btree ("lead_id","at");