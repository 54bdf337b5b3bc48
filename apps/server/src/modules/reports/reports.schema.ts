import { integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../tenants/tenants.schema.ts";

/** A tenant's edited narrative paragraph for one year; the built-in template is used where none. */
export const reportParagraphs = pgTable(
  "report_paragraphs",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    year: integer("year").notNull(),
    key: text("key").notNull(),
    text: text("text").notNull(),
    updatedBy: text("updated_by").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("report_paragraphs_uq").on(t.tenantId, t.year, t.key)],
);
