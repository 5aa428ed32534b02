-- Rate-limit counters (API key budgets, authentication failures and bad webhook signatures per client address),
-- shared by every instance. UNLOGGED: no WAL, so counting a request costs no fsync; a crash only empties it.
CREATE UNLOGGED TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"resets_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limits_resets_at_idx" ON "rate_limits" USING btree ("resets_at");
