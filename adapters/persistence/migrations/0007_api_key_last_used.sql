-- When each CRM API key was last used, to the minute: authentication writes it at most once a minute per key.
ALTER TABLE "api_keys" ADD COLUMN "last_used_at" timestamp with time zone;
