CREATE TYPE "public"."unit_status" AS ENUM('available', 'reserved', 'sold');--> statement-breakpoint
CREATE TYPE "public"."inbox_kind" AS ENUM('message', 'status');--> statement-breakpoint
CREATE TYPE "public"."lead_source" AS ENUM('whatsapp_bot', 'crm');--> statement-breakpoint
CREATE TYPE "public"."reservation_status" AS ENUM('requested', 'authorised', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."visit_stage" AS ENUM('new', 'contacted', 'appointment', 'reserved', 'authorised', 'lost');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('queued', 'sent', 'delivered', 'read', 'played', 'failed');--> statement-breakpoint
CREATE TYPE "public"."message_direction" AS ENUM('inbound', 'outbound');--> statement-breakpoint
CREATE TYPE "public"."template_status" AS ENUM('APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('advisor', 'manager', 'admin');--> statement-breakpoint
CREATE TABLE "price_buckets" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"label" text NOT NULL,
	"min" bigint NOT NULL,
	"max" bigint
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"currency" text NOT NULL,
	"description" text NOT NULL,
	"payment_plan" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_types" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"property_type" text NOT NULL,
	"bedrooms" integer,
	"area_m2" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"project_id" text NOT NULL,
	"unit_type_id" text NOT NULL,
	"code" text NOT NULL,
	"area_m2" double precision NOT NULL,
	"price" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" "unit_status" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"wa_id" text NOT NULL,
	"kind" "inbox_kind" NOT NULL,
	"ordering_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"last_error" text,
	CONSTRAINT "inbox_wa_id_unique" UNIQUE("wa_id")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" text PRIMARY KEY NOT NULL,
	"visit_id" text NOT NULL,
	"lead_id" text NOT NULL,
	"advisor_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "appointments_ends_after_start" CHECK ("appointments"."ends_at" > "appointments"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"lead_id" text NOT NULL,
	"email" text,
	"at" timestamp with time zone NOT NULL,
	"policy_version" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"line_id" text NOT NULL,
	"name" text,
	"phone" text,
	"wa_user_id" text,
	"email" text,
	"consent_at" timestamp with time zone,
	"consent_policy_version" text,
	"advisor_id" text,
	"assigned_at" timestamp with time zone,
	"source" "lead_source" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leads_phone_unique" UNIQUE("phone"),
	CONSTRAINT "leads_wa_user_id_unique" UNIQUE("wa_user_id")
);
--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"visit_id" text NOT NULL,
	"lead_id" text NOT NULL,
	"status" "reservation_status" NOT NULL,
	"requested_by" text NOT NULL,
	"authorised_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"authorised_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"lead_id" text NOT NULL,
	"project_id" text NOT NULL,
	"unit_type_id" text,
	"stage" "visit_stage" NOT NULL,
	"criteria" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"settings" jsonb NOT NULL,
	CONSTRAINT "bot_settings_single_row" CHECK ("bot_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"line_id" text NOT NULL,
	"phone" text,
	"wa_user_id" text,
	"profile_name" text,
	"lead_id" text,
	"bot" jsonb NOT NULL,
	"last_inbound_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "conversations_line_phone_unique" UNIQUE("line_id","phone"),
	CONSTRAINT "conversations_line_wa_user_unique" UNIQUE("line_id","wa_user_id")
);
--> statement-breakpoint
CREATE TABLE "media" (
	"id" text PRIMARY KEY NOT NULL,
	"mime_type" text NOT NULL,
	"filename" text,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_status_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"status" "delivery_status" NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"seq" bigserial NOT NULL,
	"id" text PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"lead_id" text,
	"visit_id" text,
	"direction" "message_direction" NOT NULL,
	"type" text NOT NULL,
	"body" text,
	"content" jsonb NOT NULL,
	"wa_message_id" text,
	"status" "delivery_status",
	"status_at" timestamp with time zone,
	"failure" jsonb,
	"author" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "messages_seq_unique" UNIQUE("seq"),
	CONSTRAINT "messages_wa_message_id_unique" UNIQUE("wa_message_id")
);
--> statement-breakpoint
CREATE TABLE "templates" (
	"name" text NOT NULL,
	"language" text NOT NULL,
	"category" text NOT NULL,
	"status" "template_status" NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "templates_name_language_pk" PRIMARY KEY("name","language")
);
--> statement-breakpoint
CREATE TABLE "advisor_group_members" (
	"group_id" text NOT NULL,
	"position" integer NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "advisor_group_members_group_id_position_pk" PRIMARY KEY("group_id","position")
);
--> statement-breakpoint
CREATE TABLE "advisor_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"hashed_key" text NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_hashed_key_unique" UNIQUE("hashed_key")
);
--> statement-breakpoint
CREATE TABLE "business_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"phone_number_id" text NOT NULL,
	"display_number" text NOT NULL,
	"name" text NOT NULL,
	"advisor_group_id" text NOT NULL,
	"project_ids" text[] NOT NULL,
	CONSTRAINT "business_lines_phone_number_id_unique" UNIQUE("phone_number_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"role" "user_role" NOT NULL,
	"active" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"name" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"number" text NOT NULL,
	"conversation_id" text NOT NULL,
	"visit_id" text,
	"pdf_media_id" text,
	"project_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"figures" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_status_history" ADD CONSTRAINT "message_status_history_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisor_group_members" ADD CONSTRAINT "advisor_group_members_group_id_advisor_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."advisor_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_types_project_idx" ON "unit_types" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "units_project_idx" ON "units" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "units_unit_type_idx" ON "units" USING btree ("unit_type_id");--> statement-breakpoint
CREATE INDEX "inbox_pending_by_key_idx" ON "inbox" USING btree ("ordering_key","id") WHERE "inbox"."processed_at" is null;--> statement-breakpoint
CREATE INDEX "inbox_pending_idx" ON "inbox" USING btree ("id") WHERE "inbox"."processed_at" is null;--> statement-breakpoint
CREATE INDEX "appointments_advisor_idx" ON "appointments" USING btree ("advisor_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_visit_idx" ON "appointments" USING btree ("visit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_lead_at_version_unique" ON "consents" USING btree ("lead_id","at","policy_version");--> statement-breakpoint
CREATE INDEX "leads_advisor_idx" ON "leads" USING btree ("advisor_id");--> statement-breakpoint
CREATE INDEX "leads_created_idx" ON "leads" USING btree ("created_at","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_one_active_per_unit" ON "reservations" USING btree ("unit_id") WHERE "reservations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "reservations_visit_idx" ON "reservations" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visits_lead_idx" ON "visits" USING btree ("lead_id","created_at","seq");--> statement-breakpoint
CREATE INDEX "conversations_lead_idx" ON "conversations" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "message_status_history_message_idx" ON "message_status_history" USING btree ("message_id","id");--> statement-breakpoint
CREATE INDEX "messages_conversation_idx" ON "messages" USING btree ("conversation_id","seq");--> statement-breakpoint
CREATE INDEX "messages_lead_idx" ON "messages" USING btree ("lead_id","seq");--> statement-breakpoint
CREATE INDEX "messages_outbox_idx" ON "messages" USING btree ("conversation_id","created_at","seq") WHERE "messages"."direction" = 'outbound' and "messages"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "api_keys_user_idx" ON "api_keys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "quotes_number_idx" ON "quotes" USING btree ("number");--> statement-breakpoint
CREATE INDEX "quotes_visit_idx" ON "quotes" USING btree ("visit_id","issued_at","seq");--> statement-breakpoint
CREATE INDEX "quotes_conversation_idx" ON "quotes" USING btree ("conversation_id","issued_at","seq");