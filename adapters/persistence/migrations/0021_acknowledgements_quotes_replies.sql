-- Issue 16: a registered lead writing while their advisor has not answered gets one automatic acknowledgement a day
-- ("Ana te responde en breve"): the conversation keeps when the last one was sent (null: never, all older rows).
-- A line may let the bot quote registered leads again ("cotizar otro"); off by default, existing lines as before.
-- An inbound message keeps which message the lead replied to (Meta context.id); null for older rows.
ALTER TABLE "conversations" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "reply_to_wa_message_id" text;--> statement-breakpoint
ALTER TABLE "business_lines" ADD COLUMN "bot_quotes_for_registered" boolean DEFAULT false NOT NULL;