import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A tenant is one district; its GB/T 2260 code identifies it. Every other table carries tenant_id. */
export const tenants = pgTable("tenants", {
  id: uuid("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  fullName: text("full_name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
