import { sql } from "drizzle-orm";
import type { HallFilter, HallWaits } from "../../../../../packages/contracts/src/appointments.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { VIEW_HALLS } from "./appointments.policy.ts";
import { findHallParts, findHalls } from "./halls.repo.ts";
import { concatSorted, describe, sortedSeconds, whereFor } from "./stats.repo.ts";

const BIZ = "'Asia/Shanghai'";

const stats = (sorted: Int32Array) => {
  const d = describe(sorted);
  return { cases: sorted.length, avgWaitSeconds: d.avg, p90WaitSeconds: d.p90 };
};

/**
 * The cases' waits by the hour of day (Beijing) the visitor took a ticket, and by window group,
 * within the actor's subtrees and under the same filters as 大厅统计's figures. Each row's count is
 * the total of /cases with the same filters plus `hour` or `groupId`.
 *
 * The cells behind the page's figures (hall × day × item × window × clerk) know neither the hour
 * nor the group, so this reads service_cases: one scan, the seconds per (group, hour) handed over
 * as one string each and the percentiles taken here, as `aggregateCases` does.
 */
export async function hallWaits(ctx: Ctx, f: HallFilter): Promise<HallWaits> {
  const paths = scopeFor(ctx.actor, VIEW_HALLS);
  const where = whereFor("cases", ctx.actor.tenantId, paths, f);
  if (!where) {
    return { byHour: [], byGroup: [] };
  }
  const rows = await queryRows<{ g: string; hr: number; w: string | null }>(
    ctx.db,
    sql`select x.group_id::text as g,
          extract(hour from x.checked_in_at at time zone ${sql.raw(BIZ)})::int as hr,
          string_agg(x.wait_seconds::text, ',') as w
        from service_cases x join halls h on h.id = x.hall_id
        where ${where}
        group by 1, 2`,
  );
  const byHour = new Map<number, Int32Array[]>();
  const byGroup = new Map<string, Int32Array[]>();
  for (const r of rows) {
    const waits = sortedSeconds(r.w ?? "");
    const hour = Number(r.hr);
    byHour.set(hour, [...(byHour.get(hour) ?? []), waits]);
    byGroup.set(r.g, [...(byGroup.get(r.g) ?? []), waits]);
  }
  const halls = await findHalls(ctx.db, { tenantId: ctx.actor.tenantId, paths });
  const parts = await findHallParts(
    ctx.db,
    halls.map((h) => h.id),
  );
  const hallName = new Map(halls.map((h) => [h.id, h.name]));
  const groupLabel = new Map(parts.groups.map((g) => [g.id, `${hallName.get(g.hallId) ?? ""} · ${g.name}`]));
  return {
    byHour: [...byHour.entries()]
      .sort(([a], [b]) => a - b)
      .map(([hour, arrays]) => ({ hour, ...stats(concatSorted(arrays)) })),
    byGroup: [...byGroup.entries()]
      .map(([groupId, arrays]) => ({
        groupId,
        label: groupLabel.get(groupId) ?? groupId,
        ...stats(concatSorted(arrays)),
      }))
      .sort((a, b) => (b.p90WaitSeconds ?? 0) - (a.p90WaitSeconds ?? 0)),
  };
}
