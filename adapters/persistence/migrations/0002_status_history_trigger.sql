-- Every status an outbound message takes is logged by the database itself, in the statement that stores it:
-- saving a message is one statement instead of a locking read, an upsert and an insert.
CREATE FUNCTION "record_message_status"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."direction" = 'outbound' AND NEW."status" IS NOT NULL
     AND (TG_OP = 'INSERT' OR OLD."status" IS DISTINCT FROM NEW."status") THEN
    INSERT INTO "message_status_history" ("message_id", "status", "at") VALUES (NEW."id", NEW."status", NEW."status_at");
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "messages_status_history" AFTER INSERT OR UPDATE OF "status" ON "messages"
  FOR EACH ROW EXECUTE FUNCTION "record_message_status"();
