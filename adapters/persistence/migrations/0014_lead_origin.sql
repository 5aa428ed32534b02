-- Where a lead came from (issue 15): the conversation keeps its first contact (earliest message's text, cut, and
-- time, and the Click-to-WhatsApp ad it came from) and the lead copies it when registered; a CRM-created lead
-- records the source its user gave. Both are versioned JSON (codecs/origin-codec.ts), null on older rows.
ALTER TABLE "leads" ADD COLUMN "origin" jsonb;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "origin" jsonb;