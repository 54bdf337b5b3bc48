CREATE TABLE "appointment_policies" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_slots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"day" date NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appointment_slots_group_start_uq" UNIQUE("group_id","starts_at"),
	CONSTRAINT "appointment_slots_capacity_ck" CHECK ("appointment_slots"."booked" >= 0 and "appointment_slots"."booked" <= "appointment_slots"."capacity")
);
--> statement-breakpoint
CREATE TABLE "booking_person_days" (
	"tenant_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"day" date NOT NULL,
	"id_number" text NOT NULL,
	"active" integer NOT NULL,
	CONSTRAINT "booking_person_days_hall_id_day_id_number_pk" PRIMARY KEY("hall_id","day","id_number"),
	CONSTRAINT "booking_person_days_active_ck" CHECK ("booking_person_days"."active" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"scope_path" text NOT NULL,
	"group_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"day" date NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"code" text NOT NULL,
	"item_code" text NOT NULL,
	"item_name" text NOT NULL,
	"person_name" text NOT NULL,
	"id_number" text NOT NULL,
	"phone" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"cancelled_at" timestamp (3) with time zone,
	"checked_in_at" timestamp (3) with time zone,
	CONSTRAINT "bookings_code_uq" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "hall_closures" (
	"tenant_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"day" date NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "hall_closures_hall_id_day_pk" PRIMARY KEY("hall_id","day")
);
--> statement-breakpoint
CREATE TABLE "hall_group_items" (
	"tenant_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"item_name" text NOT NULL,
	"bookable" boolean DEFAULT true NOT NULL,
	CONSTRAINT "hall_group_items_group_id_item_code_pk" PRIMARY KEY("group_id","item_code")
);
--> statement-breakpoint
CREATE TABLE "hall_windows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "hall_windows_name_uq" UNIQUE("hall_id","name")
);
--> statement-breakpoint
CREATE TABLE "halls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"scope_path" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"address" text,
	"sessions" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "halls_tenant_name_uq" UNIQUE("tenant_id","name")
);
--> statement-breakpoint
CREATE TABLE "queue_counters" (
	"tenant_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "queue_counters_group_id_day_pk" PRIMARY KEY("group_id","day")
);
--> statement-breakpoint
CREATE TABLE "queue_tickets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"scope_path" text NOT NULL,
	"group_id" uuid NOT NULL,
	"day" date NOT NULL,
	"number" text NOT NULL,
	"seq" integer NOT NULL,
	"booking_id" uuid,
	"item_code" text NOT NULL,
	"item_name" text NOT NULL,
	"person_name" text,
	"id_number" text,
	"phone" text,
	"status" text NOT NULL,
	"priority_at" timestamp (3) with time zone NOT NULL,
	"checked_in_at" timestamp (3) with time zone NOT NULL,
	"window_id" uuid,
	"call_count" integer DEFAULT 0 NOT NULL,
	"called_at" timestamp (3) with time zone,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "queue_tickets_number_uq" UNIQUE("hall_id","day","number")
);
--> statement-breakpoint
CREATE TABLE "service_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"scope_path" text NOT NULL,
	"hall_level" text NOT NULL,
	"group_id" uuid NOT NULL,
	"window_id" uuid NOT NULL,
	"window_name" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"booking_id" uuid,
	"item_code" text NOT NULL,
	"item_name" text NOT NULL,
	"staff_user_id" uuid,
	"staff_name" text NOT NULL,
	"person_name" text,
	"id_number" text,
	"phone" text,
	"result" text NOT NULL,
	"note" text,
	"checked_in_at" timestamp (3) with time zone NOT NULL,
	"called_at" timestamp (3) with time zone NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone NOT NULL,
	"wait_seconds" integer NOT NULL,
	"service_seconds" integer NOT NULL,
	CONSTRAINT "service_cases_ticket_uq" UNIQUE("ticket_id")
);
--> statement-breakpoint
CREATE TABLE "window_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"hall_id" uuid NOT NULL,
	"prefix" text NOT NULL,
	"name" text NOT NULL,
	"slot_capacity" integer NOT NULL,
	CONSTRAINT "window_groups_prefix_uq" UNIQUE("hall_id","prefix")
);
--> statement-breakpoint
ALTER TABLE "appointment_policies" ADD CONSTRAINT "appointment_policies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_group_id_window_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."window_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_person_days" ADD CONSTRAINT "booking_person_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_closures" ADD CONSTRAINT "hall_closures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_closures" ADD CONSTRAINT "hall_closures_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_group_items" ADD CONSTRAINT "hall_group_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_group_items" ADD CONSTRAINT "hall_group_items_group_id_window_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."window_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_windows" ADD CONSTRAINT "hall_windows_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_windows" ADD CONSTRAINT "hall_windows_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_windows" ADD CONSTRAINT "hall_windows_group_id_window_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."window_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halls" ADD CONSTRAINT "halls_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_counters" ADD CONSTRAINT "queue_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_cases" ADD CONSTRAINT "service_cases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_cases" ADD CONSTRAINT "service_cases_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "window_groups" ADD CONSTRAINT "window_groups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "window_groups" ADD CONSTRAINT "window_groups_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_slots_hall_day_idx" ON "appointment_slots" USING btree ("hall_id","day");--> statement-breakpoint
CREATE INDEX "bookings_person_idx" ON "bookings" USING btree ("tenant_id","id_number","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_hall_day_idx" ON "bookings" USING btree ("tenant_id","hall_id","day");--> statement-breakpoint
CREATE INDEX "halls_scope_idx" ON "halls" USING btree ("tenant_id","scope_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "queue_tickets_waiting_idx" ON "queue_tickets" USING btree ("group_id","day","status","priority_at");--> statement-breakpoint
CREATE INDEX "service_cases_hall_idx" ON "service_cases" USING btree ("tenant_id","hall_id","finished_at");--> statement-breakpoint
CREATE INDEX "service_cases_scope_idx" ON "service_cases" USING btree ("tenant_id","scope_path" text_pattern_ops);