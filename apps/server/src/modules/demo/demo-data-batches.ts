import { createHash } from "node:crypto";
import type { Db } from "../../platform/db/client.ts";
import type { Rng } from "../catalog/demo-catalog.ts";
import { dataBatches } from "../data-sharing/data-sharing.schema.ts";
import { demoUuid, type LoadedResource } from "./demo-data-catalog.ts";

/*
 * 2022's syncs into the data centre: one registered batch (count and checksum; the rows stay in
 * the provider's system) per resource per update cycle. Their accepted rows add up to the 2022
 * report's "已汇聚各部门 21 亿条数据": a count of rows synchronised, not of rows stored.
 */

/** The report's figure: 2,100,000,000 ≤ x < 2,105,000,000 reads "21 亿". */
export const AGGREGATED_2022 = { min: 2_100_000_000, max: 2_105_000_000 } as const;

const DAY_MS = 86_400_000;
const YEAR_START = Date.parse("2022-01-01T00:00:00+08:00");

/** The 2022 days (Shanghai, as YYYY-MM-DD) on which a resource of this cycle syncs, from its publication. */
function syncDays(cycle: string, publishedOn: string): string[] {
  const days: string[] = [];
  for (let t = YEAR_START; t < YEAR_START + 365 * DAY_MS; t += DAY_MS) {
    const d = new Date(t + 8 * 3_600_000);
    const day = d.toISOString().slice(0, 10);
    if (day <= publishedOn) {
      continue;
    }
    const date = d.getUTCDate();
    const month = d.getUTCMonth();
    const due =
      cycle === "daily" || cycle === "realtime"
        ? true
        : cycle === "weekly"
          ? d.getUTCDay() === 1
          : cycle === "monthly"
            ? date === 1
            : cycle === "quarterly"
              ? date === 1 && month % 3 === 0
              : cycle === "yearly"
                ? date === 15 && month === 0
                : date === 10 && month % 2 === 0;
    if (due) {
      days.push(day);
    }
  }
  return days;
}

type Planned = { resource: LoadedResource; day: string; raw: number };

/**
 * Inserts the registered batches of `resources` (the open ones come with their stored batch) so
 * that, with `alreadyAccepted` of the stored batches, 2022 sums to a seeded total in the report's
 * range. Returns the batches inserted and the year's total.
 */
export async function insertRegisteredBatches(
  db: Db,
  tenantId: string,
  resources: readonly LoadedResource[],
  alreadyAccepted: number,
  seed: string,
  rng: Rng,
): Promise<{ batches: number; total: number }> {
  const planned: Planned[] = resources
    .filter((r) => r.spec.sharing.openType !== "unconditional" && r.spec.format !== "file")
    .flatMap((resource) =>
      syncDays(resource.spec.updateCycle, resource.publishedOn).map((day) => ({
        resource,
        day,
        raw: resource.spec.batchRows * (0.7 + 0.6 * rng()),
      })),
    );
  const target = AGGREGATED_2022.min + 1_000_000 + Math.floor(rng() * 2_000_000) - alreadyAccepted;
  const rawSum = planned.reduce((s, p) => s + p.raw, 0);
  const accepted = planned.map((p) => Math.max(1, Math.round((p.raw * target) / rawSum)));
  // Rounding leaves a few rows over or under: the biggest batch absorbs them.
  const biggest = accepted.indexOf(Math.max(...accepted));
  accepted[biggest] = (accepted[biggest] ?? 0) + target - accepted.reduce((s, n) => s + n, 0);
  const rows = planned.map((p, i) => {
    const n = accepted[i] ?? 0;
    const batchId = `SYNC-${p.day.replaceAll("-", "")}`;
    // Syncs run at night, between 01:00 and 05:00.
    const minute = 60 + Math.floor(rng() * 240);
    const at = `${p.day}T${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}:00+08:00`;
    return {
      id: demoUuid(`${seed}:data_batch:${p.resource.code}:${batchId}`),
      tenantId,
      resourceId: p.resource.id,
      batchId,
      mode: "registered",
      received: n,
      accepted: n,
      quarantined: 0,
      checksum: createHash("sha256").update(`${seed}:${p.resource.code}:${batchId}:${n}`).digest("hex"),
      quarantine: [],
      receivedAt: new Date(at),
      createdBy: `${p.resource.unit.name}（数据同步）`,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(dataBatches).values(rows.slice(i, i + 1000));
  }
  return { batches: rows.length, total: target + alreadyAccepted };
}
