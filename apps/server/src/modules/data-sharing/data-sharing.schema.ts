import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
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
import type { ResourceField } from "../../../../../packages/contracts/src/data-sharing.ts";
import { orgUnits } from "../org/org.schema.ts";
import { tenants } from "../tenants/tenants.schema.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const tenantId = () =>
  uuid("tenant_id")
    .notNull()
    .references(() => tenants.id);

/** 信息资源: the national catalog's core metadata, its 信息项 as one list (edited and versioned together). */
export const dataResources = pgTable(
  "data_resources",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    providerUnitId: uuid("provider_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    /** The provider's org path: who sees the resource. */
    scopePath: text("scope_path").notNull(),
    summary: text("summary").notNull(),
    classification: text("classification").notNull(),
    subclass: text("subclass").notNull(),
    format: text("format").notNull(),
    shareType: text("share_type").notNull(),
    shareCondition: text("share_condition").notNull(),
    shareMethod: text("share_method").notNull(),
    openType: text("open_type").notNull(),
    updateCycle: text("update_cycle").notNull(),
    publishedOn: date("published_on", { mode: "string" }).notNull(),
    fields: jsonb("fields").$type<ResourceField[]>().notNull(),
    version: integer("version").notNull(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    unique("data_resources_code_uq").on(t.tenantId, t.code),
    index("data_resources_scope_idx").on(t.tenantId, t.scopePath.op("text_pattern_ops")),
  ],
);

/** Every edit of a resource: who, when, what changed. Version 1 is the creation. */
export const dataResourceVersions = pgTable(
  "data_resource_versions",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => dataResources.id),
    version: integer("version").notNull(),
    at: ts("at").notNull(),
    actorName: text("actor_name").notNull(),
    diff: jsonb("diff").$type<Record<string, { before: unknown; after: unknown }>>().notNull(),
  },
  (t) => [unique("data_resource_versions_uq").on(t.resourceId, t.version)],
);

/** 信息系统台账. */
export const dataSystems = pgTable(
  "data_systems",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    ownerUnitId: uuid("owner_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    scopePath: text("scope_path").notNull(),
    onGovCloud: boolean("on_gov_cloud").notNull(),
    protectionLevel: integer("protection_level").notNull(),
    provides: text("provides").array().notNull(),
    consumes: text("consumes").array().notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [index("data_systems_scope_idx").on(t.tenantId, t.scopePath.op("text_pattern_ops"))],
);

export type QuarantinedRow = { row: number; errors: Array<{ column: string; message: string }> };

/** A batch of a resource: pushed rows (stored) or a sync registered by counts and checksum only. */
export const dataBatches = pgTable(
  "data_batches",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => dataResources.id),
    batchId: text("batch_id").notNull(),
    mode: text("mode").notNull(),
    received: integer("received").notNull(),
    accepted: integer("accepted").notNull(),
    quarantined: integer("quarantined").notNull(),
    checksum: text("checksum").notNull(),
    /** The first QUARANTINE_LISTED quarantined rows and why (`quarantined` counts them all). */
    quarantine: jsonb("quarantine").$type<QuarantinedRow[]>().notNull(),
    /** Quarantined rows whose key repeated an earlier row's (listed or not). */
    duplicateKeys: integer("duplicate_keys").notNull().default(0),
    receivedAt: ts("received_at").notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [
    unique("data_batches_batch_uq").on(t.resourceId, t.batchId),
    index("data_batches_resource_idx").on(t.resourceId, t.receivedAt),
    index("data_batches_received_idx").on(t.tenantId, t.receivedAt),
  ],
);

/** Stored rows: one per key of a resource (a later batch replaces the row of the same key). */
export const dataRows = pgTable(
  "data_rows",
  {
    // No foreign keys here (migration 0032): the batch path writes rows only for a resource it loaded.
    tenantId: uuid("tenant_id").notNull(),
    resourceId: uuid("resource_id").notNull(),
    key: text("key").notNull(),
    data: jsonb("data").$type<Record<string, string | number | boolean | null>>().notNull(),
    batchId: uuid("batch_id").notNull(),
    /** The value of the resource's 查询条件 信息项 as text (null when it names none): see migration 0032. */
    facet: text("facet"),
  },
  (t) => [
    primaryKey({ name: "data_rows_pk", columns: [t.resourceId, t.key] }),
    index("data_rows_facet_idx").on(t.resourceId, t.facet, t.key).where(sql`${t.facet} is not null`),
  ],
);

/** 共享申请 of a unit for a resource. */
export const dataRequests = pgTable(
  "data_requests",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => dataResources.id),
    consumerUnitId: uuid("consumer_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    consumerPath: text("consumer_path").notNull(),
    providerPath: text("provider_path").notNull(),
    purpose: text("purpose").notNull(),
    legalBasis: text("legal_basis").notNull(),
    fields: text("fields").array().notNull(),
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    periodTo: date("period_to", { mode: "string" }).notNull(),
    status: text("status").notNull(),
    dueAt: ts("due_at"),
    decidedAt: ts("decided_at"),
    decidedBy: text("decided_by"),
    decisionNote: text("decision_note"),
    createdBy: text("created_by").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    index("data_requests_consumer_idx").on(t.tenantId, t.consumerPath.op("text_pattern_ops")),
    index("data_requests_provider_idx").on(t.tenantId, t.providerPath.op("text_pattern_ops")),
  ],
);

/** 审批期限提醒: one per request and stage, so the job reminds the provider once per stage. */
export const dataRequestReminders = pgTable(
  "data_request_reminders",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => dataRequests.id),
    stage: text("stage").notNull(),
    providerPath: text("provider_path").notNull(),
    dueAt: ts("due_at").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    unique("data_request_reminders_uq").on(t.requestId, t.stage),
    index("data_request_reminders_provider_idx").on(t.tenantId, t.providerPath.op("text_pattern_ops")),
  ],
);

/** What a granted request lets the consumer read: fields, period, unmasked personal data or not. */
export const dataGrants = pgTable(
  "data_grants",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => dataRequests.id),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => dataResources.id),
    consumerUnitId: uuid("consumer_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    consumerPath: text("consumer_path").notNull(),
    providerPath: text("provider_path").notNull(),
    fields: text("fields").array().notNull(),
    personal: boolean("personal").notNull(),
    conditions: text("conditions").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validTo: date("valid_to", { mode: "string" }).notNull(),
    status: text("status").notNull(),
    revokedAt: ts("revoked_at"),
    revokeReason: text("revoke_reason"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    unique("data_grants_request_uq").on(t.requestId),
    index("data_grants_consumer_idx").on(t.tenantId, t.consumerPath.op("text_pattern_ops")),
  ],
);

export const dataExchangeChains = pgTable("data_exchange_chains", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id),
  seq: bigint("seq", { mode: "number" }).notNull(),
  head: text("head").notNull(),
});

/** 交换日志: every served or refused data-service call, append-only and hash-chained per tenant. */
export const dataExchangeLog = pgTable(
  "data_exchange_log",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: ts("at").notNull(),
    consumerUnitId: uuid("consumer_unit_id").notNull(),
    consumerPath: text("consumer_path").notNull(),
    providerPath: text("provider_path").notNull(),
    grantId: uuid("grant_id"),
    resourceId: uuid("resource_id").notNull(),
    resourceCode: text("resource_code").notNull(),
    fields: text("fields").array().notNull(),
    filter: jsonb("filter").$type<Record<string, string>>().notNull(),
    rowsReturned: integer("rows_returned").notNull(),
    requestId: text("request_id").notNull(),
    outcome: text("outcome").notNull(),
    reason: text("reason"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    unique("data_exchange_log_seq_uq").on(t.tenantId, t.seq),
    index("data_exchange_log_consumer_idx").on(t.tenantId, t.consumerPath.op("text_pattern_ops"), t.at),
    index("data_exchange_log_provider_idx").on(t.tenantId, t.providerPath.op("text_pattern_ops"), t.at),
  ],
);
