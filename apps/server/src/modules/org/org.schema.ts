import { index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../tenants/tenants.schema.ts";

/**
 * The org tree: district → towns/streets → villages/communities, the bureau and its units,
 * district departments. `path` is the materialized path "/<root-id>/…/<id>/" so a subtree is a
 * prefix match, which is how every query is scoped to what the actor may see.
 */
export const orgUnits = pgTable(
  "org_units",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    parentId: uuid("parent_id"),
    path: text("path").notNull(),
    depth: integer("depth").notNull(),
    code: text("code"),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    sort: integer("sort").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("org_units_tenant_path_idx").on(t.tenantId, t.path.op("text_pattern_ops")),
    index("org_units_parent_idx").on(t.parentId),
    unique("org_units_tenant_code_uq").on(t.tenantId, t.code),
  ],
);
