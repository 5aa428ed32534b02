-- Issue 15: the unregistered visitors list (people talking to the bot without consent), newest first, paged by
-- (created_at, id) over the conversations that have no lead.
CREATE INDEX "conversations_unregistered_idx" ON "conversations" USING btree ("created_at","id") WHERE "conversations"."lead_id" is null;