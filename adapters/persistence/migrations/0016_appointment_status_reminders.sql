-- Issue 15, appointments: a status, a reminder to the lead, and advisors' own working hours.
-- appointments.status: scheduled (programada), confirmed, done (cumplida), no_show, cancelled; existing rows
--   are scheduled, as they were.
-- appointments.reminder: the reminder's state as versioned JSON (reminderCodec). Rows booked before reminders
--   existed get "none": deploying this must not send a burst of reminders for appointments already close.
-- appointments.reminder_due_at: set only while the reminder is pending; the reminder workers claim rows by it
--   (FOR UPDATE SKIP LOCKED), so the partial index holds only the reminders still waiting.
-- users.working_hours: an advisor's own weekly schedule (workingHoursCodec); null means the desk's default.
CREATE TYPE "public"."appointment_status" AS ENUM('scheduled', 'confirmed', 'done', 'no_show', 'cancelled');--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "status" "appointment_status" DEFAULT 'scheduled' NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "reminder" jsonb DEFAULT '{"v":1,"value":{"state":"none"}}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "reminder_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "working_hours" jsonb;--> statement-breakpoint
CREATE INDEX "appointments_reminder_due_idx" ON "appointments" USING btree ("reminder_due_at") WHERE "appointments"."reminder_due_at" is not null;