-- A visit holds one active reservation at a time. Before this, a visit could request a second unit while its first
-- reservation was active; once the first was authorised the second could be neither authorised nor cancelled, and
-- its unit stayed blocked. Such a later, still requested reservation is cancelled here and its unit released (an
-- authorised one is a sale in progress and kept), so the index below can hold.
WITH stuck AS (
  SELECT r.id, r.unit_id FROM "reservations" r
  WHERE r.status = 'requested'
    AND EXISTS (
      SELECT 1 FROM "reservations" o
      WHERE o.visit_id = r.visit_id AND o.id <> r.id AND o.status <> 'cancelled'
        AND (o.status = 'authorised' OR o.created_at < r.created_at OR (o.created_at = r.created_at AND o.id < r.id))
    )
), released AS (
  UPDATE "reservations" SET "status" = 'cancelled' WHERE "id" IN (SELECT id FROM stuck) RETURNING "unit_id"
)
UPDATE "units" SET "status" = 'available' WHERE "id" IN (SELECT unit_id FROM released) AND "status" = 'reserved';--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_one_active_per_visit" ON "reservations" USING btree ("visit_id") WHERE "reservations"."status" <> 'cancelled';
