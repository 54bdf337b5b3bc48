import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenants } from "../tenants/tenants.schema.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const tenantId = () =>
  uuid("tenant_id")
    .notNull()
    .references(() => tenants.id);

/**
 * 容缺受理: a service case accepted with secondary materials missing, on the applicant's signed
 * promise to bring them by `make_up_due_at` (never later than the item's promised time limit).
 * Not made up in time → terminated by the job.
 */
export const deferrals = pgTable(
  "deferrals",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    caseId: uuid("case_id").notNull(),
    hallId: uuid("hall_id").notNull(),
    scopePath: text("scope_path").notNull(),
    itemCode: text("item_code").notNull(),
    itemName: text("item_name").notNull(),
    personName: text("person_name"),
    idNumber: text("id_number").notNull(),
    phone: text("phone"),
    missingMaterials: text("missing_materials").array().notNull(),
    promiseText: text("promise_text").notNull(),
    promiseSignedAt: ts("promise_signed_at").notNull(),
    acceptedAt: ts("accepted_at").notNull(),
    promisedLimitDays: integer("promised_limit_days").notNull(),
    promisedDueAt: ts("promised_due_at").notNull(),
    makeUpDueAt: ts("make_up_due_at").notNull(),
    status: text("status").notNull(),
    remindersSent: integer("reminders_sent").notNull().default(0),
    closedAt: ts("closed_at"),
    closeNote: text("close_note"),
    createdBy: text("created_by").notNull(),
  },
  (t) => [
    uniqueIndex("deferrals_case_uq").on(t.caseId),
    index("deferrals_scope_idx").on(t.tenantId, t.scopePath.op("text_pattern_ops")),
    index("deferrals_due_idx").on(t.status, t.makeUpDueAt),
  ],
);

/** What happened to a deferral, in order: accepted, each reminder, made up or terminated. */
export const deferralEvents = pgTable(
  "deferral_events",
  {
    id: uuid("id").primaryKey(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    deferralId: uuid("deferral_id")
      .notNull()
      .references(() => deferrals.id),
    at: ts("at").notNull(),
    action: text("action").notNull(),
    actorName: text("actor_name").notNull(),
    note: text("note"),
  },
  (t) => [index("deferral_events_idx").on(t.deferralId, t.at)],
);

/** 失信记录: applicants who may not use 容缺受理 while listed (one open listing per person). */
export const creditFlags = pgTable(
  "credit_flags",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    scopePath: text("scope_path").notNull(),
    idNumber: text("id_number").notNull(),
    personName: text("person_name").notNull(),
    reason: text("reason").notNull(),
    source: text("source").notNull(),
    listedOn: date("listed_on", { mode: "string" }).notNull(),
    liftedAt: ts("lifted_at"),
    liftNote: text("lift_note"),
    createdBy: text("created_by").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [uniqueIndex("credit_flags_open_uq").on(t.tenantId, t.idNumber).where(sql`${t.liftedAt} is null`)],
);
