import type {
  Booking,
  PublicBooking,
  ServiceCase,
  Slot,
  Ticket,
} from "../../../../../packages/contracts/src/appointments.ts";
import {
  BookingStatusSchema,
  CaseResultSchema,
  HallLevelSchema,
  TicketStatusSchema,
} from "../../../../../packages/contracts/src/appointments.ts";
import { maskIdNumber, maskPhone } from "../../platform/mask.ts";
import type { BookingRow } from "./bookings.repo.ts";
import type { GroupRow, HallRow, SlotRow } from "./halls.repo.ts";
import type { CaseRow, TicketRow } from "./queue.repo.ts";

/** 张三丰 → 张*丰, 李四 → 李*: enough for the counter to recognise, not to identify. */
export function maskName(name: string | null): string | null {
  if (!name) {
    return name;
  }
  const chars = [...name];
  return chars.length <= 2 ? `${chars[0]}*` : `${chars[0]}${"*".repeat(chars.length - 2)}${chars.at(-1)}`;
}

export function toSlotDto(s: SlotRow): Slot {
  return {
    id: s.id,
    groupId: s.groupId,
    day: s.day,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    capacity: s.capacity,
    booked: s.booked,
  };
}

/** Booking as its holder and staff see it: ID number and phone always masked. */
export function toPublicBooking(b: BookingRow, hall: HallRow, group: GroupRow, cancelDeadline: Date): PublicBooking {
  return {
    code: b.code,
    status: BookingStatusSchema.parse(b.status),
    hallId: hall.id,
    hallName: hall.name,
    hallAddress: hall.address,
    groupId: group.id,
    groupName: group.name,
    itemCode: b.itemCode,
    itemName: b.itemName,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    personName: b.personName,
    idNumber: maskIdNumber(b.idNumber) ?? "",
    phone: maskPhone(b.phone) ?? "",
    cancelDeadline: cancelDeadline.toISOString(),
  };
}

export function toBookingDto(b: BookingRow, hall: HallRow, group: GroupRow, cancelDeadline: Date): Booking {
  return {
    ...toPublicBooking(b, hall, group, cancelDeadline),
    personName: maskName(b.personName) ?? "",
    id: b.id,
    createdAt: b.createdAt.toISOString(),
  };
}

export function toTicketDto(t: TicketRow, groupName: string, windowName: string | null): Ticket {
  return {
    id: t.id,
    number: t.number,
    hallId: t.hallId,
    groupId: t.groupId,
    groupName,
    itemName: t.itemName,
    kind: t.bookingId ? "booking" : "walk_in",
    status: TicketStatusSchema.parse(t.status),
    personName: maskName(t.personName),
    windowId: t.windowId,
    windowName,
    callCount: t.callCount,
    priorityAt: t.priorityAt.toISOString(),
    checkedInAt: t.checkedInAt.toISOString(),
    calledAt: t.calledAt?.toISOString() ?? null,
    startedAt: t.startedAt?.toISOString() ?? null,
  };
}

export function toCaseDto(c: CaseRow, hallName: string): ServiceCase {
  return {
    id: c.id,
    caseNo: c.caseNo ?? c.id,
    hallId: c.hallId,
    hallName,
    hallLevel: HallLevelSchema.parse(c.hallLevel),
    windowName: c.windowName,
    itemCode: c.itemCode,
    itemName: c.itemName,
    staffName: c.staffName,
    personName: maskName(c.personName),
    idNumber: maskIdNumber(c.idNumber),
    result: CaseResultSchema.parse(c.result),
    bookingId: c.bookingId,
    checkedInAt: c.checkedInAt.toISOString(),
    startedAt: c.startedAt.toISOString(),
    finishedAt: c.finishedAt.toISOString(),
    waitSeconds: c.waitSeconds,
    serviceSeconds: c.serviceSeconds,
  };
}
