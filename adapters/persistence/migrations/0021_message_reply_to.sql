-- Issue 16: an inbound message keeps which message the lead replied to (WhatsApp quoted reply, Meta context.id), so
-- the conversation API shows the quote; null for every older row and for messages that reply to nothing.
ALTER TABLE "messages" ADD COLUMN "reply_to_wa_message_id" text;
