import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { breathe } from "./ticket-batch.ts";

/** Tickets per clean-up transaction: each takes well under a second on either engine. */
export const CLEANUP_TICKETS = 2000;

// The 'GZ____-8…' numbers are the demo's present: today's open tickets, generated relative to the load day.
const DEMO_KEYS = sql`(external_no like 'GZ2021-%' or external_no like 'GZ2022-%' or external_no like 'AI-%' or external_no like 'DEP-%'
  or external_no like 'GZ____-8%')`;

/**
 * Only the children named here reference the rows deleted, and they go first in the same
 * transaction; so the per-row foreign-key triggers may be skipped when the role allows it. A load
 * killed early leaves `work_order_contacts`' index deferred, and without it each deleted ticket's
 * check would scan the whole table (the 11-minute restart of issue 14).
 */
async function skipKeyTriggers(tx: Db): Promise<void> {
  const [role] = await queryRows<{ su: boolean }>(
    tx,
    sql`select rolsuper as su from pg_roles where rolname = current_user`,
  );
  if (role?.su) {
    await tx.execute(sql`set local session_replication_role = replica`);
  }
}

/**
 * Removes the tickets a killed demo load left (those with demo numbers), with their events and
 * contacts, in transactions of `chunk` tickets with a macrotask break between them: on the
 * embedded database one long statement would stop the HTTP server until it ends. Returns how many
 * tickets went.
 */
export async function removePartialWorkOrders(db: Db, tenantId: string, chunk = CLEANUP_TICKETS): Promise<number> {
  let removed = 0;
  for (;;) {
    await breathe();
    const n = await db.transaction(async (tx) => {
      await skipKeyTriggers(tx);
      const ids = (
        await queryRows<{ id: string }>(
          tx,
          sql`select id from work_orders where tenant_id = ${tenantId} and ${DEMO_KEYS} limit ${chunk}`,
        )
      ).map((r) => r.id);
      if (ids.length === 0) {
        return 0;
      }
      const list = sql`(select unnest(${`{${ids.join(",")}}`}::uuid[]))`;
      await tx.execute(sql`delete from work_order_events where work_order_id in ${list}`);
      await tx.execute(sql`delete from work_order_contacts where work_order_id in ${list}`);
      await tx.execute(sql`delete from work_orders where id in ${list}`);
      return ids.length;
    });
    removed += n;
    if (n < chunk) {
      return removed;
    }
  }
}

/** The year cut into thirds of months (1–10, 11–20, 21–end): some 20,000 of the centre's cases each. */
function thirdsOfMonths(year: number): Array<{ from: string; to: string }> {
  const out: Array<{ from: string; to: string }> = [];
  for (let month = 1; month <= 12; month++) {
    const ym = `${year}-${String(month).padStart(2, "0")}`;
    const end = new Date(Date.UTC(year, month, 0)).getUTCDate();
    out.push(
      { from: `${ym}-01`, to: `${ym}-10` },
      { from: `${ym}-11`, to: `${ym}-20` },
      { from: `${ym}-21`, to: `${ym}-${end}` },
    );
  }
  return out;
}

/**
 * Removes what a killed load of a hall's year left, a third of a month per transaction with a break
 * between them (the year's 767,227 cases in one transaction froze the embedded server, and a month's
 * with its indexes kept still held it for seconds).
 */
export async function removePartialHallYear(db: Db, hallId: string, year: number): Promise<void> {
  for (const { from, to: last } of thirdsOfMonths(year)) {
    const to = sql`${last}::date`;
    await breathe();
    await db.transaction(async (tx) => {
      await skipKeyTriggers(tx);
      const inMonth = sql`hall_id = ${hallId} and (checked_in_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}`;
      await tx.execute(sql`delete from ratings where subject_kind = 'service_case' and subject_id in
        (select id from service_cases where ${inMonth})`);
      await tx.execute(sql`delete from service_cases where ${inMonth}`);
      for (const table of ["queue_tickets", "bookings", "appointment_slots"]) {
        await tx.execute(
          sql`delete from ${sql.identifier(table)} where hall_id = ${hallId} and day between ${from}::date and ${to}`,
        );
      }
      await tx.execute(sql`delete from queue_counters where day between ${from}::date and ${to}
        and group_id in (select id from window_groups where hall_id = ${hallId})`);
    });
  }
}
