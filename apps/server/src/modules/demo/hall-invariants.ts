import { sql } from "drizzle-orm";
import { checkIdNumber } from "../../../../../packages/contracts/src/id-number.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { getCachedCalendar } from "../calendar/calendar-cache.ts";

const LOCAL = "Asia/Shanghai";

/**
 * Rows that break the hall module's rules, counted per rule (all zero in a sound database): every
 * case belongs to a finished visit of the same hall, group and window; visits and cases lie within
 * one session of hall hours (9–12, 13–17) on a working day; times run forward; bookings fit their
 * slots and the slots count them; every bad rating has its rectification ticket to the unit that
 * served; ID numbers pass the validator.
 */
export async function hallInvariantViolations(db: Db): Promise<Record<string, number>> {
  const [counts] = await queryRows<Record<string, number>>(
    db,
    sql`select
      (select count(*)::int from service_cases c left join queue_tickets t on t.id = c.ticket_id
        where t.id is null or t.status <> 'done' or t.hall_id <> c.hall_id or t.group_id <> c.group_id
          or t.window_id <> c.window_id or c.checked_in_at <> t.checked_in_at or c.called_at <> t.called_at
          or c.started_at < t.started_at or c.finished_at > t.finished_at) as "caseWithoutFinishedVisit",
      (select count(*)::int from queue_tickets t where t.status = 'done'
        and not exists (select 1 from service_cases c where c.ticket_id = t.id)) as "finishedVisitWithoutCase",
      (select count(*)::int from (
        select (checked_in_at at time zone ${LOCAL}) as a, (finished_at at time zone ${LOCAL}) as b from queue_tickets
        where finished_at is not null
        union all
        select (checked_in_at at time zone ${LOCAL}), (finished_at at time zone ${LOCAL}) from service_cases) x
        where x.a::date <> x.b::date or not ((x.a::time >= '09:00' and x.b::time <= '12:00')
          or (x.a::time >= '13:00' and x.b::time <= '17:00'))) as "outsideHallHours",
      (select count(*)::int from service_cases where wait_seconds < 0 or service_seconds < 0
        or called_at < checked_in_at or started_at < called_at or finished_at < started_at
        or abs(service_seconds - extract(epoch from finished_at - started_at)) > 1) as "timesOutOfOrder",
      (select count(*)::int from bookings b left join appointment_slots s on s.id = b.slot_id
        where s.id is null or s.group_id <> b.group_id or s.hall_id <> b.hall_id or s.day <> b.day
          or s.starts_at <> b.starts_at or s.ends_at <> b.ends_at) as "bookingOutsideSlot",
      (select count(*)::int from appointment_slots s
        left join (select slot_id, count(*)::int as n from bookings where status <> 'cancelled' group by 1) b
          on b.slot_id = s.id
        where s.booked > s.capacity or s.booked <> coalesce(b.n, 0)) as "slotCountWrong",
      (select count(*)::int from queue_tickets t join bookings b on b.id = t.booking_id
        where t.checked_in_at >= b.ends_at or b.day <> t.day or b.checked_in_at <> t.checked_in_at
          or (t.status = 'done') <> (b.status = 'served')) as "bookedVisitInconsistent",
      (select count(*)::int from ratings r left join service_cases c on c.id = r.subject_id
        where r.subject_kind = 'service_case' and (c.id is null or r.rated_at < c.finished_at)) as "ratingWithoutCase",
      (select count(*)::int from ratings r
        left join service_cases c on c.id = r.subject_id
        left join halls h on h.id = c.hall_id
        left join work_orders w on w.id = r.rectification_work_order_id
        where r.subject_kind = 'service_case' and r.level <= 2 and not r.is_default
          and (w.id is null or w.kind <> 'bad_rating' or w.unit_id <> h.org_unit_id
            or w.source_ref <> 'rating:' || r.id::text or w.received_at < r.rated_at)) as "badRatingWithoutRectification"`,
  );
  const days = await queryRows<{ day: string }>(db, sql`select distinct day::text as day from queue_tickets`);
  const cal = await getCachedCalendar(db);
  const ids = await queryRows<{ id: string; day: string }>(
    db,
    sql`select id_number as id, day::text as day from queue_tickets where id_number is not null order by id limit 3000`,
  );
  return {
    ...Object.fromEntries(Object.entries(counts ?? {}).map(([k, v]) => [k, Number(v)])),
    visitOnNonWorkingDay: days.filter((d) => !cal.isWorkday(d.day)).length,
    invalidIdNumber: ids.filter((r) => checkIdNumber(r.id, r.day) !== null).length,
  };
}
