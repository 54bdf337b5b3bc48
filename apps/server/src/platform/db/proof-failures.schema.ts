import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed proofs on the public pages (a wrong phone tail, ID number or rating code), counted per
 * bucket — one ticket, one booking, one address — in a fixed window. Kept in the database so the
 * limit holds across server processes. Throttle state, not tenant data: an address spans tenants.
 */
export const proofFailures = pgTable("proof_failures", {
  bucket: text("bucket").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
});
