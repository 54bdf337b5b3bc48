import type { Db } from "../../platform/db/client.ts";
import { reserveNumbers } from "../../platform/numbering.ts";
import { slotTimes } from "../appointments/booking-rules.ts";
import { getAppointmentSettings } from "../appointments/settings.service.ts";
import { getCalendar } from "../work-orders/work-orders-context.ts";
import {
  chunkVisitors,
  dayWeight,
  ensureHallStaff,
  hallLayout,
  hallPlan,
  hallsOfLevel,
  workdays,
} from "./demo-hall.ts";
import { TOWN_WEIGHTS } from "./demo-texts.ts";
import { prepareBulkTransaction, spread } from "./demo-work-orders.ts";
import { type HallLayout, insertHallChunk } from "./hall-batch.ts";
import { chunkDays, isEmbedded } from "./lanes.ts";
import { removePartialHallYear } from "./partial-cleanup.ts";
import { breathe } from "./ticket-batch.ts";

/**
 * The town and street halls' 2022: some 6 % of the centre's visitors (two windows each, for the
 * residents' social-security, civil-affairs and medical-insurance items), shared by population,
 * so 新华街道 sees some forty visitors a working day and 梯面镇 two or three. Written by the centre's
 * machinery, with no bad rating: the report's 差评整改 figure (131) is the centre's, and a town's
 * bad rating would add a ticket to it. The report's hall figures count the district level only.
 */
export const TOWN_VISITORS_2022 = 36_000;

/** Removes what a killed load of the towns' year left (their rows have seed-derived ids). */
export async function removePartialTownYears(db: Db, tenantId: string): Promise<void> {
  for (const hall of await hallsOfLevel(db, tenantId, "town")) {
    await removePartialHallYear(db, hall.id, 2022);
  }
}

export async function loadDemoTownHallYears(db: Db, tenantId: string, seed: string): Promise<number> {
  const halls = (await hallsOfLevel(db, tenantId, "town")).sort((a, b) => a.name.localeCompare(b.name));
  const cal = await getCalendar(db);
  const settings = await getAppointmentSettings(db, tenantId);
  const days = workdays(cal, 2022);
  const embedded = await isEmbedded(db);
  const weightOf = (h: HallLayout["hall"]) => TOWN_WEIGHTS[h.name.replace(/政务服务中心$/, "")] ?? 5;
  const total = halls.reduce((s, h) => s + weightOf(h), 0);
  let visitors = 0;
  let before = 0;
  for (const [t, hall] of halls.entries()) {
    const { windowRows, ...base } = await hallLayout(db, hall);
    const prefix = `town-staff-${String(t + 1).padStart(2, "0")}-`;
    const layout: HallLayout = {
      ...base,
      windows: await ensureHallStaff(db, tenantId, seed, hall, windowRows, prefix),
    };
    // Shares rounded cumulatively, so the towns' visitors add up to the total exactly.
    const n =
      Math.round((TOWN_VISITORS_2022 * (before + weightOf(hall))) / total) -
      Math.round((TOWN_VISITORS_2022 * before) / total);
    before += weightOf(hall);
    const noShows = Math.round(n * 0.015);
    const plan = hallPlan(spread(n, days, dayWeight), {
      noShows,
      threeItems: Math.round(n * 0.01),
      cases: Math.round((n - noShows) * 1.15),
    });
    // A seed of its own per hall: the rows' ids are derived from it and each visitor's number.
    const hallSeed = `${seed}:town${t + 1}`;
    const numberBase = await reserveNumbers(db, tenantId, "service_case", 2022, plan.cases);
    for (const chunk of chunkDays(plan.days, chunkVisitors(embedded))) {
      const slots = chunk.flatMap((d) =>
        slotTimes(d.day, settings).map((s) => ({
          day: d.day,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
        })),
      );
      // A macrotask break first: PGlite resolves at once, and the server answers between chunks.
      await breathe();
      await db.transaction(async (tx) => {
        await prepareBulkTransaction(tx);
        await insertHallChunk(tx, tenantId, hallSeed, plan, layout, chunk, slots, [], numberBase);
      });
    }
    visitors += plan.n;
  }
  return visitors;
}
