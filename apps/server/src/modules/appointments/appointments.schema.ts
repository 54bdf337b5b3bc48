import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { tenants } from "../tenants/tenants.schema.ts";
import { users } from "../users/users.schema.ts";

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const tenantId = () =>
  uuid("tenant_id")
    .notNull()
    .references(() => tenants.id);

/** Booking and queue limits of a tenant; a missing row means the domain-rules §4 defaults. */
export const appointmentPolicies = pgTable("appointment_policies", {
  tenantId: uuid("tenant_id")
    .primaryKey()
    .references(() => tenants.id),
  settings: jsonb("settings").notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/**
 * A service hall attached to an org unit (district centre, town/street hall, village/community
 * centre). `scope_path` is that unit's path: staff see a hall when their grant covers it.
 */
export const halls = pgTable(
  "halls",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    orgUnitId: uuid("org_unit_id").notNull(),
    scopePath: text("scope_path").notNull(),
    name: text("name").notNull(),
    level: text("level").notNull(),
    address: text("address"),
    /** Opening sessions of this hall; null = the tenant's (domain-rules §4: 9–12, 13–17). */
    sessions: jsonb("sessions"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("halls_tenant_name_uq").on(t.tenantId, t.name),
    index("halls_scope_idx").on(t.tenantId, t.scopePath.op("text_pattern_ops")),
  ],
);

/** Days a hall is closed beyond the statutory calendar (repairs, elections, …). */
export const hallClosures = pgTable(
  "hall_closures",
  {
    tenantId: tenantId(),
    hallId: uuid("hall_id")
      .notNull()
      .references(() => halls.id),
    day: date("day", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.day] })],
);

/** Windows that serve the same items; the queue prefix (A, B, …) is per group. */
export const windowGroups = pgTable(
  "window_groups",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    hallId: uuid("hall_id")
      .notNull()
      .references(() => halls.id),
    prefix: text("prefix").notNull(),
    name: text("name").notNull(),
    slotCapacity: integer("slot_capacity").notNull(),
  },
  (t) => [unique("window_groups_prefix_uq").on(t.hallId, t.prefix)],
);

export const hallWindows = pgTable(
  "hall_windows",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    hallId: uuid("hall_id")
      .notNull()
      .references(() => halls.id),
    groupId: uuid("group_id")
      .notNull()
      .references(() => windowGroups.id),
    name: text("name").notNull(),
    /** The clerk who works this window; a clerk has at most one. */
    staffUserId: uuid("staff_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [unique("hall_windows_name_uq").on(t.hallId, t.name), uniqueIndex("hall_windows_staff_uq").on(t.staffUserId)],
);

/**
 * Items a group serves, by catalog code and name: the catalog module does not exist yet, so the
 * pair is stored here and a later catalog links to it by code.
 */
export const hallGroupItems = pgTable(
  "hall_group_items",
  {
    tenantId: tenantId(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => windowGroups.id),
    itemCode: text("item_code").notNull(),
    itemName: text("item_name").notNull(),
    bookable: boolean("bookable").notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.itemCode] })],
);

/** A bookable time slot of one group; `booked <= capacity` is enforced by the database. */
export const appointmentSlots = pgTable(
  "appointment_slots",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    hallId: uuid("hall_id")
      .notNull()
      .references(() => halls.id),
    groupId: uuid("group_id")
      .notNull()
      .references(() => windowGroups.id),
    day: date("day", { mode: "string" }).notNull(),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    capacity: integer("capacity").notNull(),
    booked: integer("booked").notNull().default(0),
  },
  (t) => [
    unique("appointment_slots_group_start_uq").on(t.groupId, t.startsAt),
    index("appointment_slots_hall_day_idx").on(t.hallId, t.day),
    check("appointment_slots_capacity_ck", sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
  ],
);

/** A real-name booking. The ID number is kept whole (check-in, no-show counting) and shown masked. */
export const bookings = pgTable(
  "bookings",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    hallId: uuid("hall_id")
      .notNull()
      .references(() => halls.id),
    scopePath: text("scope_path").notNull(),
    groupId: uuid("group_id").notNull(),
    slotId: uuid("slot_id")
      .notNull()
      .references(() => appointmentSlots.id),
    day: date("day", { mode: "string" }).notNull(),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    code: text("code").notNull(),
    itemCode: text("item_code").notNull(),
    itemName: text("item_name").notNull(),
    personName: text("person_name").notNull(),
    idNumber: text("id_number").notNull(),
    phone: text("phone").notNull(),
    status: text("status").notNull(),
    createdAt: ts("created_at").notNull(),
    cancelledAt: ts("cancelled_at"),
    checkedInAt: ts("checked_in_at"),
  },
  (t) => [
    unique("bookings_code_uq").on(t.code),
    index("bookings_person_idx").on(t.tenantId, t.idNumber, t.startsAt),
    index("bookings_hall_day_idx").on(t.tenantId, t.hallId, t.day),
  ],
);

/**
 * Active bookings (booked or checked in) of one person at one hall on one day. The limit is
 * configuration (default 1), so it is enforced by a conditional upsert on this row, which
 * serializes one person's concurrent requests, rather than by a unique index fixed at 1.
 */
export const bookingPersonDays = pgTable(
  "booking_person_days",
  {
    tenantId: tenantId(),
    hallId: uuid("hall_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    idNumber: text("id_number").notNull(),
    active: integer("active").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.hallId, t.day, t.idNumber] }),
    check("booking_person_days_active_ck", sql`${t.active} >= 0`),
  ],
);

/** Last queue number handed out per hall, group and day (A001, A002, …). */
export const queueCounters = pgTable(
  "queue_counters",
  {
    tenantId: tenantId(),
    groupId: uuid("group_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.day] })],
);

/**
 * A checked-in visitor waiting for, at or done with a window. `priority_at` orders the queue:
 * the slot start for a booking, the check-in time for a walk-in.
 */
export const queueTickets = pgTable(
  "queue_tickets",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    hallId: uuid("hall_id")
      .notNull()
      .references(() => halls.id),
    scopePath: text("scope_path").notNull(),
    groupId: uuid("group_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    number: text("number").notNull(),
    seq: integer("seq").notNull(),
    bookingId: uuid("booking_id"),
    itemCode: text("item_code").notNull(),
    itemName: text("item_name").notNull(),
    personName: text("person_name"),
    idNumber: text("id_number"),
    phone: text("phone"),
    status: text("status").notNull(),
    priorityAt: ts("priority_at").notNull(),
    checkedInAt: ts("checked_in_at").notNull(),
    windowId: uuid("window_id"),
    callCount: integer("call_count").notNull().default(0),
    calledAt: ts("called_at"),
    startedAt: ts("started_at"),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    unique("queue_tickets_number_uq").on(t.hallId, t.day, t.number),
    index("queue_tickets_waiting_idx").on(t.groupId, t.day, t.status, t.priorityAt),
  ],
);

/**
 * 办件: one finished service at a window; evaluations rate these later. One visit may finish
 * several items (一次取号办理多项业务): one case per item, so a ticket has at most one case per item.
 */
export const serviceCases = pgTable(
  "service_cases",
  {
    id: uuid("id").primaryKey(),
    tenantId: tenantId(),
    hallId: uuid("hall_id")
      .notNull()
      .references(() => halls.id),
    scopePath: text("scope_path").notNull(),
    hallLevel: text("hall_level").notNull(),
    groupId: uuid("group_id").notNull(),
    windowId: uuid("window_id").notNull(),
    windowName: text("window_name").notNull(),
    ticketId: uuid("ticket_id").notNull(),
    bookingId: uuid("booking_id"),
    itemCode: text("item_code").notNull(),
    itemName: text("item_name").notNull(),
    staffUserId: uuid("staff_user_id"),
    staffName: text("staff_name").notNull(),
    personName: text("person_name"),
    idNumber: text("id_number"),
    phone: text("phone"),
    result: text("result").notNull(),
    note: text("note"),
    checkedInAt: ts("checked_in_at").notNull(),
    calledAt: ts("called_at").notNull(),
    startedAt: ts("started_at").notNull(),
    finishedAt: ts("finished_at").notNull(),
    waitSeconds: integer("wait_seconds").notNull(),
    serviceSeconds: integer("service_seconds").notNull(),
    /** 办件编号 BJ2022-0000001: per tenant and year of finishing (platform/numbering.ts). */
    caseNo: text("case_no"),
  },
  (t) => [
    unique("service_cases_ticket_item_uq").on(t.ticketId, t.itemCode),
    // Number first: the public rating finds a case by its number alone.
    uniqueIndex("service_cases_case_no_uq").on(t.caseNo, t.tenantId),
    index("service_cases_hall_idx").on(t.tenantId, t.hallId, t.finishedAt),
    index("service_cases_scope_idx").on(t.tenantId, t.scopePath.op("text_pattern_ops")),
  ],
);
