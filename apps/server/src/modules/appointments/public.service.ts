import type { HallDetail, Slot } from "../../../../../packages/contracts/src/appointments.ts";
import type { Db } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import { getCachedCalendar } from "../calendar/calendar-cache.ts";
import { businessDay } from "../calendar/work-calendar.ts";
import { findTenantByCode } from "../tenants/tenants.repo.ts";
import { toSlotDto } from "./appointments.mapper.ts";
import type { PublicDeps } from "./booking.service.ts";
import { bookableDays } from "./booking-rules.ts";
import { closedDays, findHallById, findHalls, findSlots } from "./halls.repo.ts";
import { hallDetail, hallNotFound, toHallDto } from "./halls.service.ts";
import { getAppointmentSettings } from "./settings.service.ts";

/**
 * Halls citizens can book at (names and addresses only): the district's when its code is given,
 * else every district's. @throws not_found (unknown district)
 */
export async function listPublicHalls(db: Db, tenantCode?: string) {
  let tenantId: string | undefined;
  if (tenantCode) {
    const tenant = await findTenantByCode(db, tenantCode);
    if (!tenant) {
      throw notFound("tenant");
    }
    tenantId = tenant.id;
  }
  const halls = await findHalls(db, tenantId ? { tenantId } : {});
  return { items: halls.map(toHallDto) };
}

/** A hall's groups with their bookable items only. @throws not_found */
export async function publicHallDetail(db: Db, hallId: string): Promise<HallDetail> {
  const hall = await findHallById(db, null, hallId);
  if (!hall) {
    throw hallNotFound();
  }
  const detail = await hallDetail(db, hall);
  return {
    ...detail,
    groups: detail.groups
      .map((g) => ({ ...g, windows: [], items: g.items.filter((i) => i.bookable) }))
      .filter((g) => g.items.length > 0),
  };
}

/** Slots still open for booking within the horizon (future starts, hall open). @throws not_found */
export async function publicSlots(deps: PublicDeps, hallId: string, groupId?: string): Promise<{ items: Slot[] }> {
  const hall = await findHallById(deps.db, null, hallId);
  if (!hall) {
    throw hallNotFound();
  }
  const now = deps.clock.now();
  const [cal, settings, closed] = await Promise.all([
    getCachedCalendar(deps.db, hall.tenantId),
    getAppointmentSettings(deps.db, hall.tenantId),
    closedDays(deps.db, hall.id),
  ]);
  const days = bookableDays(cal, businessDay(now), settings.horizonWorkdays, closed);
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) {
    return { items: [] };
  }
  const open = new Set(days);
  const slots = await findSlots(deps.db, hall.id, { groupId, fromDay: first, toDay: last });
  return { items: slots.filter((s) => open.has(s.day) && s.startsAt > now).map(toSlotDto) };
}
