-- The file of ours a message carries (its media, or its template's media header), as a column: the media
-- access check looks messages up by it, and no query reads inside the stored content (a versioned envelope
-- since this version, which only the app's codecs read).
ALTER TABLE "messages" ADD COLUMN "media_id" text;--> statement-breakpoint
-- Rows from before this migration hold their content unversioned: `mediaId` at the top (media) or in the header (templates).
UPDATE "messages" SET "media_id" = coalesce("content"->>'mediaId', "content"->'header'->>'mediaId')
WHERE coalesce("content"->>'mediaId', "content"->'header'->>'mediaId') IS NOT NULL;--> statement-breakpoint
CREATE INDEX "messages_media_idx" ON "messages" USING btree ("media_id") WHERE "messages"."media_id" is not null;
