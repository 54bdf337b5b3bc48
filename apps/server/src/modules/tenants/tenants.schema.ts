import { bigint, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A tenant is one district; its GB/T 2260 code identifies it. Every other table carries tenant_id. */
export const tenants = pgTable("tenants", {
  id: uuid("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  fullName: text("full_name").notNull(),
  // Head of the per-tenant audit hash chain: lets `audit verify` notice a deleted tail row.
  auditSeq: bigint("audit_seq", { mode: "number" }).notNull().default(0),
  auditHead: text("audit_head").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
