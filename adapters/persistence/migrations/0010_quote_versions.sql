-- Quote versions: re-quoting a unit to the same conversation keeps the quote's number with the next version.
-- Every quote stored before is its number's first version (numbers were unique, so the unique index holds).
DROP INDEX "quotes_number_idx";--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_number_version_idx" ON "quotes" USING btree ("number","version");--> statement-breakpoint
CREATE INDEX "quotes_unit_versions_idx" ON "quotes" USING btree ("conversation_id","unit_id","version");