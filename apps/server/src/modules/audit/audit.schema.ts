import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { tenants } from "../tenants/tenants.schema.ts";

/**
 * The heads of each tenant's audit chains. A tenant's log is split into a few parallel chains
 * (streams, by entity) so concurrent writers do not queue on one row lock; the head lets
 * `audit verify` notice a deleted tail row.
 */
export const auditChains = pgTable(
  "audit_chains",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    stream: integer("stream").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    head: text("head").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.stream] })],
);

/**
 * Append-only audit log, hash-chained per tenant and stream: hash = sha256(prev_hash ‖ canonical row).
 * `scope_path` is the org path of the entity so reads are scoped like everything else.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    stream: integer("stream").notNull().default(0),
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
    unique("audit_log_chain_seq_uq").on(t.tenantId, t.stream, t.seq),
    index("audit_log_tenant_at_idx").on(t.tenantId, t.at),
  ],
);
