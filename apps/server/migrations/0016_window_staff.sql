-- A clerk works at the window assigned to them (issue 13): at most one window per clerk.
ALTER TABLE "hall_windows" ADD COLUMN IF NOT EXISTS "staff_user_id" uuid;
--> statement-breakpoint
DO $$ BEGIN
  ALTER TABLE "hall_windows" ADD CONSTRAINT "hall_windows_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
EXCEPTION WHEN duplicate_object THEN null;
END $$;
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "hall_windows_staff_uq" ON "hall_windows" USING btree ("staff_user_id");
