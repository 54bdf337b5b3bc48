import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { orgUnits } from "../org/org.schema.ts";
import { tenants } from "../tenants/tenants.schema.ts";

/** Keys for machine clients (e.g. the city 12345 platform); only a SHA-256 of the secret is kept. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    name: text("name").notNull(),
    prefix: text("prefix").notNull().unique(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** Set on a data-service credential: the data grant (data_grants) the key reads under. */
    grantId: uuid("grant_id"),
  },
  (t) => [index("api_keys_tenant_idx").on(t.tenantId)],
);
