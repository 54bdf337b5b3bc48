import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../tenants/tenants.schema.ts";

/**
 * One engine for hotline tickets, bad-rating rectification, grid events and deputies' items.
 * `status` and the counters are a projection of work_order_events, written in the same
 * transaction as the event that changes them. `scope_path` is the org path that decides who sees
 * the ticket: the handling unit's path once dispatched, the district root's before.
 */
export const workOrders = pgTable(
  "work_orders",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    seqNo: bigserial("seq_no", { mode: "number" }).notNull(),
    externalNo: text("external_no"),
    payloadHash: text("payload_hash"),
    kind: text("kind").notNull(),
    category: text("category").notNull(),
    urgency: text("urgency").notNull(),
    channel: text("channel").notNull(),
    title: text("title").notNull(),
    content: text("content").notNull(),
    callerName: text("caller_name"),
    callerPhone: text("caller_phone"),
    townId: uuid("town_id"),
    communityId: uuid("community_id"),
    address: text("address"),
    keywords: text("keywords").array().notNull().default([]),
    campaignTags: text("campaign_tags").array().notNull().default([]),
    status: text("status").notNull(),
    unitId: uuid("unit_id"),
    scopePath: text("scope_path").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true, precision: 3 }).notNull(),
    acceptDueAt: timestamp("accept_due_at", { withTimezone: true, precision: 3 }).notNull(),
    closeDueAt: timestamp("close_due_at", { withTimezone: true, precision: 3 }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, precision: 3 }),
    repliedAt: timestamp("replied_at", { withTimezone: true, precision: 3 }),
    closedAt: timestamp("closed_at", { withTimezone: true, precision: 3 }),
    extensionCount: integer("extension_count").notNull().default(0),
    redoCount: integer("redo_count").notNull().default(0),
    returnCount: integer("return_count").notNull().default(0),
    improperReturnCount: integer("improper_return_count").notNull().default(0),
    supervisionLevel: integer("supervision_level").notNull().default(0),
    satisfaction: integer("satisfaction"),
    resolved: boolean("resolved"),
    praise: boolean("praise").notNull().default(false),
    masterId: uuid("master_id"),
    duplicateOf: uuid("duplicate_of"),
    sourceRef: text("source_ref"),
    eventCount: integer("event_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("work_orders_external_uq").on(t.tenantId, t.externalNo),
    unique("work_orders_seq_uq").on(t.seqNo),
    index("work_orders_received_idx").on(t.tenantId, t.receivedAt),
    // The report and the statistics count the small kinds (差评整改, 两代表一委员, 网格事件) on their own.
    index("work_orders_kind_idx").on(t.tenantId, t.kind, t.receivedAt),
    index("work_orders_campaign_idx").using("gin", t.campaignTags),
    index("work_orders_status_idx").on(t.tenantId, t.status, t.closeDueAt),
    index("work_orders_scope_idx").on(t.tenantId, t.scopePath.op("text_pattern_ops")),
    index("work_orders_community_idx").on(t.tenantId, t.communityId, t.status),
  ],
);

/** Append-only history of every ticket; `seq` orders one ticket's events. */
export const workOrderEvents = pgTable(
  "work_order_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    workOrderId: uuid("work_order_id")
      .notNull()
      .references(() => workOrders.id),
    seq: integer("seq").notNull(),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    actorName: text("actor_name"),
    unitId: uuid("unit_id"),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    reason: text("reason"),
    attachments: jsonb("attachments").notNull().default([]),
    data: jsonb("data").notNull().default({}),
  },
  (t) => [
    unique("work_order_events_seq_uq").on(t.workOrderId, t.seq),
    index("work_order_events_tenant_at_idx").on(t.tenantId, t.at),
  ],
);

/** Callers of a ticket, including those of duplicates merged into it. */
export const workOrderContacts = pgTable(
  "work_order_contacts",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    workOrderId: uuid("work_order_id")
      .notNull()
      .references(() => workOrders.id),
    name: text("name"),
    phone: text("phone"),
    fromWorkOrderId: uuid("from_work_order_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Deleting a ticket checks its contacts by this key; without the index each check scans the table.
  (t) => [index("work_order_contacts_work_order_idx").on(t.workOrderId)],
);

/**
 * SLA policy per tenant and year; null kind/category/urgency match any, the most specific row wins.
 * Units: "wd" = working days (day of receipt is day 0, due 17:00 business time), "h" = clock hours.
 */
export const slaPolicies = pgTable(
  "sla_policies",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    year: integer("year").notNull(),
    kind: text("kind"),
    category: text("category"),
    urgency: text("urgency"),
    acceptValue: integer("accept_value").notNull(),
    acceptUnit: text("accept_unit").notNull(),
    closeValue: integer("close_value").notNull(),
    closeUnit: text("close_unit").notNull(),
    warnHours: integer("warn_hours").notNull(),
    maxExtensions: integer("max_extensions").notNull(),
    superviseAfterWd: integer("supervise_after_wd").notNull(),
    notifyAfterWd: integer("notify_after_wd").notNull(),
  },
  (t) => [unique("sla_policies_uq").on(t.tenantId, t.year, t.kind, t.category, t.urgency).nullsNotDistinct()],
);

/** Campaigns such as 涉整改 (2022-03-15 to 2022-10-31) tag tickets received in their period. */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    tag: text("tag").notNull(),
    name: text("name").notNull(),
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on").notNull(),
  },
  (t) => [unique("campaigns_tag_uq").on(t.tenantId, t.tag)],
);
