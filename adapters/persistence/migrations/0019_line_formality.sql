-- Issue 16: how the bot addresses a line's leads, 'tu' (the default, as before) or the formal 'usted'.
ALTER TABLE "business_lines" ADD COLUMN "formality" text DEFAULT 'tu' NOT NULL;