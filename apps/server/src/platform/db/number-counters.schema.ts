import { bigint, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../../modules/tenants/tenants.schema.ts";

/** The last human number handed out per tenant, kind and year (platform/numbering.ts). */
export const numberCounters = pgTable(
  "number_counters",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    kind: text("kind").notNull(),
    year: integer("year").notNull(),
    lastValue: bigint("last_value", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ name: "number_counters_pk", columns: [t.tenantId, t.kind, t.year] })],
);
