-- The builder the quote PDFs name (one row); the logo's bytes in a column of their own, not in the JSON.
CREATE TABLE "builder_profile" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"profile" jsonb NOT NULL,
	"logo" "bytea",
	CONSTRAINT "builder_profile_single_row" CHECK ("builder_profile"."id" = 1)
);
