import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../tenants/tenants.schema.ts";

/**
 * Append-only audit log, hash-chained per tenant: hash = sha256(prev_hash ‖ canonical row).
 * `scope_path` is the org path of the entity so reads are scoped like everything else.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    scopePath: text("scope_path"),
    summary: jsonb("summary").notNull(),
    requestId: text("request_id"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    unique("audit_log_tenant_seq_uq").on(t.tenantId, t.seq),
    index("audit_log_tenant_at_idx").on(t.tenantId, t.at),
  ],
);
