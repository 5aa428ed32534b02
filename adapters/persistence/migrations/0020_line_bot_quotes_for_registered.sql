-- Issue 16: a line may let the bot quote registered leads again ("cotizar otro" while their advisor has the
-- conversation: the bot takes it back at the search). Off by default, so existing lines behave as before.
ALTER TABLE "business_lines" ADD COLUMN "bot_quotes_for_registered" boolean DEFAULT false NOT NULL;
