-- Issue 16: a registered lead writing while their advisor has not answered gets one automatic acknowledgement a day
-- ("Ana te responde en breve"). The conversation keeps when the last one was sent; null: never (all older rows).
ALTER TABLE "conversations" ADD COLUMN "acknowledged_at" timestamp with time zone;
