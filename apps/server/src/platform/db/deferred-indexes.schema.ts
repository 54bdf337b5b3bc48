import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Secondary indexes a bulk load dropped to build once at its end. Kept in the database, in the
 * dropping transaction, so a load killed half-way still gets them back at the next open.
 */
export const deferredIndexes = pgTable("deferred_indexes", {
  indexName: text("index_name").primaryKey(),
  tableName: text("table_name").notNull(),
  definition: text("definition").notNull(),
  deferredAt: timestamp("deferred_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
