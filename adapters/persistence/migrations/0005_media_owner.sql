ALTER TABLE "media" ADD COLUMN "owner_kind" text;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_owner_kind_check" CHECK ("media"."owner_kind" in ('user', 'lead', 'conversation'));--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_owner_complete" CHECK (("media"."owner_kind" is null) = ("media"."owner_id" is null));--> statement-breakpoint
-- Files whose owner the database already knows get it; uploads (their uploader was never recorded) stay
-- without one and so only managers and admins read them. A quote's PDF belongs to the quote's lead...
UPDATE "media" SET
  "owner_kind" = CASE WHEN c."lead_id" IS NULL THEN 'conversation' ELSE 'lead' END,
  "owner_id" = coalesce(c."lead_id", c."id")
FROM "quotes" q JOIN "conversations" c ON c."id" = q."conversation_id"
WHERE q."pdf_media_id" = "media"."id" AND "media"."owner_kind" IS NULL;--> statement-breakpoint
-- ...and the copy of a file a lead sent belongs to that lead (to its conversation while it had no lead).
UPDATE "media" SET
  "owner_kind" = CASE WHEN coalesce(m."lead_id", c."lead_id") IS NULL THEN 'conversation' ELSE 'lead' END,
  "owner_id" = coalesce(m."lead_id", c."lead_id", c."id")
FROM "messages" m JOIN "conversations" c ON c."id" = m."conversation_id"
WHERE m."direction" = 'inbound' AND m."content"->>'mediaId' = "media"."id" AND "media"."owner_kind" IS NULL;
