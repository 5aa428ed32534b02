-- Issue 15: a lead is registered when they consent.
-- A general visit ("sin proyecto") has no project; consents keep their evidence (the hash of the question the lead
-- saw, Meta's id of the answering message: null for consents recorded before); a line says whether a lead who only
-- quoted is assigned at once (the default, as before) or waits for a manager.
ALTER TABLE "visits" ALTER COLUMN "project_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "policy_text_hash" text;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "message_id" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "consent_text_hash" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "consent_message_id" text;--> statement-breakpoint
ALTER TABLE "business_lines" ADD COLUMN "assign_quoted_leads" boolean DEFAULT true NOT NULL;