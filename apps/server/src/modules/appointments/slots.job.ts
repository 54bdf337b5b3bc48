import { sql } from "drizzle-orm";
import { silentLogger } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { runNoShowSweep } from "./booking.service.ts";
import { findHalls, generateSlotRows, type HallRow } from "./halls.repo.ts";
import { planSlotTimes, sessionsOf } from "./halls.service.ts";
import { getAppointmentSettings } from "./settings.service.ts";

/**
 * Keeps every hall's slots generated ahead (the booking horizon, or `workdays` when given) for all
 * tenants. Idempotent: existing slots are kept, so it runs at start and then periodically.
 */
/** The hourly hall job: bookings whose slot ended unattended become no-shows, then slots are topped up. */
export async function runHallJobs(db: Db, clock: Clock) {
  const noShows = await runNoShowSweep({
    db,
    clock,
    requestId: `hall-job-${clock.now().toISOString()}`,
    log: silentLogger,
  });
  return { noShows, ...(await runSlotGeneration(db, clock)) };
}

export async function runSlotGeneration(
  db: Db,
  clock: Clock,
  workdays?: number,
): Promise<{ halls: number; created: number }> {
  const tenants = await queryRows<{ tenant_id: string }>(db, sql`select distinct tenant_id from halls`);
  let halls = 0;
  let created = 0;
  for (const { tenant_id: tenantId } of tenants) {
    const all = await findHalls(db, { tenantId });
    const settings = await getAppointmentSettings(db, tenantId);
    // Halls with the same opening sessions share one set-based insert.
    const byHours = new Map<string, HallRow[]>();
    for (const h of all) {
      const key = JSON.stringify(sessionsOf(h));
      byHours.set(key, [...(byHours.get(key) ?? []), h]);
    }
    for (const rows of byHours.values()) {
      const first = rows[0];
      const plan = await planSlotTimes(
        { db, clock },
        tenantId,
        workdays ?? settings.horizonWorkdays + 1,
        first ? sessionsOf(first) : null,
      );
      created += await generateFor(db, clock, tenantId, rows, plan);
    }
    halls += all.length;
  }
  return { halls, created };
}

async function generateFor(
  db: Db,
  clock: Clock,
  tenantId: string,
  rows: HallRow[],
  plan: Awaited<ReturnType<typeof planSlotTimes>>,
): Promise<number> {
  return db.transaction(async (tx) => {
    const n = await generateSlotRows(
      tx,
      tenantId,
      rows.map((h) => h.id),
      plan.times,
    );
    if (n > 0) {
      await recordAudit(
        { db: tx, actor: { kind: "system", tenantId, name: "预约时段生成" }, clock, requestId: null },
        {
          action: "hall.slots.generate",
          entityType: "tenant",
          entityId: tenantId,
          summary: { halls: rows.length, created: n, from: plan.days[0] ?? null, to: plan.days.at(-1) ?? null },
        },
      );
    }
    return n;
  });
}
