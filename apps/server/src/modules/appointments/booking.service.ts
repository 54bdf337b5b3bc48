import { randomUUID } from "node:crypto";
import type {
  AppointmentSettings,
  BookInput,
  PublicBooking,
} from "../../../../../packages/contracts/src/appointments.ts";
import { checkIdNumber, ID_NUMBER_MESSAGES } from "../../../../../packages/contracts/src/id-number.ts";
import type { Logger, SystemActor } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { maskIdNumber } from "../../platform/mask.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { getCachedCalendar } from "../calendar/calendar-cache.ts";
import { businessDay } from "../calendar/work-calendar.ts";
import { toPublicBooking } from "./appointments.mapper.ts";
import { newBookingCode } from "./booking-code.ts";
import { blockedUntil, bookableDays, cancelDeadline } from "./booking-rules.ts";
import {
  type BookingRow,
  findBookingByCode,
  findNoShowTimes,
  findOverdueBookings,
  findTenantsWithOverdue,
  insertBooking,
  markNoShows,
  releasePersonDay,
  takePersonDay,
  updateBooking,
} from "./bookings.repo.ts";
import {
  closedDays,
  findGroup,
  findHallById,
  findItem,
  findSlot,
  type HallRow,
  releaseSlotPlace,
  type SlotRow,
  takeSlotPlace,
} from "./halls.repo.ts";
import { bookingIcs } from "./ics.ts";
import { findCasesOfBooking } from "./service-cases.service.ts";
import { getAppointmentSettings } from "./settings.service.ts";

/** What a public (unauthenticated) use case gets: no actor, it acts as the booking service. */
export type PublicDeps = { db: Db; clock: Clock; requestId: string; log: Logger };

const DAY_MS = 86_400_000;
const refuse = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError("conflict", message, { code, ...extra });
const bookingNotFound = () => new AppError("not_found", "预约不存在，或身份证号/手机号与预约不符");

function fmt(d: Date): string {
  return d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false, dateStyle: "long", timeStyle: "short" });
}

function systemActor(tenantId: string): SystemActor {
  return { kind: "system", tenantId, name: "统一预约（公众）" };
}

/** ID number, checked per GB 11643; the refusal names the field and the reason. @throws validation */
export function assertIdNumber(idNumber: string, now: Date, path = "idNumber"): void {
  const problem = checkIdNumber(idNumber, businessDay(now));
  if (problem) {
    throw new AppError("validation", `身份证号：${ID_NUMBER_MESSAGES[problem]}`, [
      { path, message: ID_NUMBER_MESSAGES[problem], code: `id_${problem}` },
    ]);
  }
}

/**
 * Marks past bookings never checked in (of one person, before their limits are counted, or of the
 * whole tenant) as no-shows, releasing their per-day places. Returns how many were marked.
 */
async function sweepNoShows(deps: PublicDeps, tenantId: string, idNumber?: string): Promise<number> {
  const overdue = await findOverdueBookings(deps.db, tenantId, deps.clock.now(), idNumber);
  if (overdue.length === 0) {
    return 0;
  }
  await deps.db.transaction(async (tx) => {
    await markNoShows(
      tx,
      overdue.map((b) => b.id),
    );
    for (const b of overdue) {
      await releasePersonDay(tx, b);
      await recordAudit(
        { db: tx, actor: systemActor(tenantId), clock: deps.clock, requestId: deps.requestId },
        {
          action: "booking.no_show",
          entityType: "booking",
          entityId: b.id,
          scopePath: b.scopePath,
          summary: { code: b.code },
        },
      );
    }
  });
  return overdue.length;
}

/** Marks every tenant's bookings whose slot ended without a check-in as no-shows (hourly job). */
export async function runNoShowSweep(deps: PublicDeps): Promise<number> {
  let marked = 0;
  for (const tenantId of await findTenantsWithOverdue(deps.db, deps.clock.now())) {
    for (let n = await sweepNoShows(deps, tenantId); n > 0; n = await sweepNoShows(deps, tenantId)) {
      marked += n;
    }
  }
  return marked;
}

/** The checks every new slot goes through (booking or moving to it). @throws not_found, conflict */
async function checkSlotBookable(deps: PublicDeps, slot: SlotRow, hall: HallRow, settings: AppointmentSettings) {
  const now = deps.clock.now();
  const [cal, closed] = await Promise.all([getCachedCalendar(deps.db, hall.tenantId), closedDays(deps.db, hall.id)]);
  const today = businessDay(now);
  if (closed.has(slot.day)) {
    throw refuse("hall_closed", `${hall.name}当天闭厅，请选择其他日期`);
  }
  if (!bookableDays(cal, today, settings.horizonWorkdays, closed).includes(slot.day)) {
    throw refuse("outside_horizon", `只能预约今天起${settings.horizonWorkdays}个工作日内的时段`);
  }
  if (slot.startsAt.getTime() <= now.getTime()) {
    throw refuse("slot_started", "该时段已开始或已结束，请选择之后的时段");
  }
}

async function checkNotBlocked(deps: PublicDeps, tenantId: string, idNumber: string, s: AppointmentSettings) {
  await sweepNoShows(deps, tenantId, idNumber);
  const now = deps.clock.now();
  const since = new Date(now.getTime() - (s.noShowWindowDays + s.blockDays) * DAY_MS);
  const until = blockedUntil(await findNoShowTimes(deps.db, tenantId, idNumber, since), now, s);
  if (until) {
    throw refuse(
      "blocked_no_show",
      `您在${s.noShowWindowDays}天内爽约已达${s.noShowLimit}次，${fmt(until)}前暂停预约，可现场取号办理`,
      { blockedUntil: until.toISOString() },
    );
  }
}

async function loadSlot(db: Db, slotId: string) {
  const slot = await findSlot(db, slotId);
  const hall = slot ? await findHallById(db, slot.tenantId, slot.hallId) : undefined;
  const group = slot && hall ? await findGroup(db, hall.id, slot.groupId) : undefined;
  if (!slot || !hall || !group) {
    throw new AppError("not_found", "预约时段不存在");
  }
  return { slot, hall, group };
}

/** Takes the person's per-day place and a place in the slot, in that order. @throws conflict */
async function takePlaces(tx: Db, slot: SlotRow, idNumber: string, s: AppointmentSettings) {
  if (
    !(await takePersonDay(
      tx,
      { tenantId: slot.tenantId, hallId: slot.hallId, day: slot.day, idNumber },
      s.maxActivePerDayHall,
    ))
  ) {
    throw refuse("person_day_limit", `您当天在该大厅已有${s.maxActivePerDayHall}个有效预约，不能重复预约`);
  }
  if (!(await takeSlotPlace(tx, slot.id))) {
    throw refuse("slot_full", "该时段已约满，请选择其他时段");
  }
}

/**
 * Books a slot for a real-name citizen.
 * @throws validation (ID number, item), not_found (slot), conflict with details.code:
 * hall_closed, outside_horizon, slot_started, blocked_no_show, person_day_limit, slot_full
 */
export async function bookSlot(deps: PublicDeps, input: BookInput): Promise<PublicBooking> {
  const now = deps.clock.now();
  assertIdNumber(input.idNumber, now);
  const { slot, hall, group } = await loadSlot(deps.db, input.slotId);
  const item = await findItem(deps.db, group.id, input.itemCode);
  if (!item?.bookable) {
    throw new AppError("validation", "办理事项：该窗口组不提供此事项的预约", [
      { path: "itemCode", message: "该窗口组不提供此事项的预约", code: "item_not_bookable" },
    ]);
  }
  const settings = await getAppointmentSettings(deps.db, hall.tenantId);
  await checkSlotBookable(deps, slot, hall, settings);
  await checkNotBlocked(deps, hall.tenantId, input.idNumber, settings);
  const booking = await deps.db.transaction(async (tx) => {
    await takePlaces(tx, slot, input.idNumber, settings);
    const row = await insertBooking(tx, {
      id: randomUUID(),
      tenantId: hall.tenantId,
      hallId: hall.id,
      scopePath: hall.scopePath,
      groupId: group.id,
      slotId: slot.id,
      day: slot.day,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      code: newBookingCode(),
      itemCode: item.itemCode,
      itemName: item.itemName,
      personName: input.personName,
      idNumber: input.idNumber,
      phone: input.phone,
      status: "booked",
      createdAt: now,
    });
    await recordAudit(
      { db: tx, actor: systemActor(hall.tenantId), clock: deps.clock, requestId: deps.requestId },
      {
        action: "booking.create",
        entityType: "booking",
        entityId: row.id,
        scopePath: hall.scopePath,
        summary: {
          code: row.code,
          slot: slot.startsAt.toISOString(),
          item: item.itemCode,
          idNumber: maskIdNumber(input.idNumber),
        },
      },
    );
    return row;
  });
  return toPublicBooking(booking, hall, group, cancelDeadline(booking.startsAt, settings));
}

/** A booking whose holder proved it with the full ID number or phone. @throws not_found */
async function loadOwnBooking(db: Db, code: string, verify: string, forUpdate = false): Promise<BookingRow> {
  const b = await findBookingByCode(db, code, forUpdate);
  const v = verify.toUpperCase();
  if (!b || (b.idNumber !== v && b.phone !== v)) {
    throw bookingNotFound();
  }
  return b;
}

async function present(db: Db, b: BookingRow): Promise<PublicBooking> {
  const hall = await findHallById(db, b.tenantId, b.hallId);
  const group = hall ? await findGroup(db, hall.id, b.groupId) : undefined;
  if (!hall || !group) {
    throw bookingNotFound();
  }
  const settings = await getAppointmentSettings(db, b.tenantId);
  return toPublicBooking(b, hall, group, cancelDeadline(b.startsAt, settings));
}

export async function lookupBooking(deps: PublicDeps, code: string, verify: string): Promise<PublicBooking> {
  const b = await loadOwnBooking(deps.db, code, verify);
  const shown = await present(deps.db, b);
  return b.status === "served" ? { ...shown, servedCases: await findCasesOfBooking(deps.db, b.id) } : shown;
}

function assertChangeable(b: BookingRow, now: Date, s: AppointmentSettings, what: string): void {
  if (b.status !== "booked") {
    throw refuse("not_changeable", `该预约当前状态不能${what}`);
  }
  if (now.getTime() > cancelDeadline(b.startsAt, s).getTime()) {
    throw refuse("change_deadline", `距预约开始不足${s.cancelBeforeMinutes}分钟，不能${what}`);
  }
}

/** Cancels up to the deadline. @throws not_found, conflict not_changeable / change_deadline */
export async function cancelBooking(deps: PublicDeps, code: string, verify: string): Promise<PublicBooking> {
  const seen = await loadOwnBooking(deps.db, code, verify);
  const settings = await getAppointmentSettings(deps.db, seen.tenantId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const b = await loadOwnBooking(tx, code, verify, true);
    assertChangeable(b, now, settings, "取消");
    await updateBooking(tx, b.id, { status: "cancelled", cancelledAt: now });
    await releaseSlotPlace(tx, b.slotId);
    await releasePersonDay(tx, b);
    await recordAudit(
      { db: tx, actor: systemActor(b.tenantId), clock: deps.clock, requestId: deps.requestId },
      { action: "booking.cancel", entityType: "booking", entityId: b.id, scopePath: b.scopePath, summary: { code } },
    );
  });
  return lookupBooking(deps, code, verify);
}

/** Moves a booking to another slot of the same hall serving its item. @throws not_found, validation, conflict */
export async function rescheduleBooking(deps: PublicDeps, code: string, verify: string, slotId: string) {
  const seen = await loadOwnBooking(deps.db, code, verify);
  const settings = await getAppointmentSettings(deps.db, seen.tenantId);
  const now = deps.clock.now();
  assertChangeable(seen, now, settings, "改约");
  const { slot, hall, group } = await loadSlot(deps.db, slotId);
  if (
    hall.id !== seen.hallId ||
    slot.id === seen.slotId ||
    !(await findItem(deps.db, group.id, seen.itemCode))?.bookable
  ) {
    throw new AppError("validation", "新时段：只能改到同一大厅办理该事项的其他时段", [
      { path: "slotId", message: "只能改到同一大厅办理该事项的其他时段", code: "slot_not_eligible" },
    ]);
  }
  await checkSlotBookable(deps, slot, hall, settings);
  await deps.db.transaction(async (tx) => {
    const b = await loadOwnBooking(tx, code, verify, true);
    assertChangeable(b, now, settings, "改约");
    await releaseSlotPlace(tx, b.slotId);
    await releasePersonDay(tx, b);
    await takePlaces(tx, slot, b.idNumber, settings);
    await updateBooking(tx, b.id, {
      slotId: slot.id,
      groupId: group.id,
      day: slot.day,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
    });
    await recordAudit(
      { db: tx, actor: systemActor(b.tenantId), clock: deps.clock, requestId: deps.requestId },
      {
        action: "booking.reschedule",
        entityType: "booking",
        entityId: b.id,
        scopePath: b.scopePath,
        summary: { code, from: b.startsAt.toISOString(), to: slot.startsAt.toISOString() },
      },
    );
  });
  return lookupBooking(deps, code, verify);
}

/** The booking as an .ics calendar file. @throws not_found */
export async function bookingCalendarFile(deps: PublicDeps, code: string, verify: string): Promise<string> {
  const b = await loadOwnBooking(deps.db, code, verify);
  const p = await present(deps.db, b);
  return bookingIcs({
    uid: `${b.id}@zhengwu`,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    createdAt: b.createdAt,
    summary: `${p.hallName} 预约办理：${b.itemName}`,
    location: [p.hallName, p.hallAddress].filter(Boolean).join(" "),
    description: `预约码 ${b.code}；窗口：${p.groupName}；请携带身份证原件于预约时段内到大厅取号。`,
  });
}
