-- Project attributes the proposal prints (regime, extras, estrato, fees, trust, payment channel, financing) as one
-- versioned JSON value (projectDetailsCodec); NULL on older rows reads as none. A unit's built area and floor.
ALTER TABLE "projects" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "built_area_m2" double precision;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "floor" integer;