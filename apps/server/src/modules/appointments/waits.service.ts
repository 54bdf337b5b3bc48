import { sql } from "drizzle-orm";
import type { HallFilter } from "../../../../../packages/contracts/src/appointments.ts";
import type { HallWaits } from "../../../../../packages/contracts/src/hall-waits.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { VIEW_HALLS } from "./appointments.policy.ts";
import { findHallParts, findHalls } from "./halls.repo.ts";
import { cellWhere, describe } from "./stats.repo.ts";

const numbers = (csv: string | null): number[] => (csv ? csv.split(",").map(Number) : []);

const stats = (waits: number[]) => {
  const sorted = Int32Array.from(waits).sort();
  const d = describe(sorted);
  return { cases: sorted.length, avgWaitSeconds: d.avg, p90WaitSeconds: d.p90 };
};

/**
 * The cases' waits by the hour of day (Beijing) the visitor took a ticket, and by the window group
 * of the window that served them, within the actor's subtrees and under 大厅统计's filters. Each
 * row's count is the total of /cases under the same filters plus `hour` or `groupId`.
 *
 * Read from the case cells (migrations 0022, 0023): each cell's waits with, in the same order, each
 * case's check-in hour; a cell's window names its group. The database hands over one string of
 * waits and one of hours per group, and the means and exact P90s are taken here.
 */
export async function hallWaits(ctx: Ctx, f: HallFilter): Promise<HallWaits> {
  const paths = scopeFor(ctx.actor, VIEW_HALLS);
  const rows = await queryRows<{ g: string | null; w: string | null; hr: string | null }>(
    ctx.db,
    sql`select gw.group_id::text as g,
          string_agg(array_to_string(x.waits, ','), ',') as w,
          string_agg(array_to_string(
            coalesce(x.hours, array_fill((-1)::smallint, array[cardinality(x.waits)])), ','), ',') as hr
        from hall_case_cells x join halls h on h.id = x.hall_id
          left join hall_windows gw on gw.hall_id = x.hall_id and gw.name = x.window_name
        where ${cellWhere(ctx.actor.tenantId, paths, f)}
        group by 1`,
  );
  const byHour = new Map<number, number[]>();
  const byGroup: Array<{ groupId: string; waits: number[] }> = [];
  for (const r of rows) {
    const waits = numbers(r.w);
    const hours = numbers(r.hr);
    waits.forEach((w, i) => {
      const hour = hours[i] ?? -1;
      // Cells written before their hours were kept (none after migration 0023) have no hour to show.
      if (hour >= 0) {
        const list = byHour.get(hour);
        if (list) {
          list.push(w);
        } else {
          byHour.set(hour, [w]);
        }
      }
    });
    // A window since deleted has no group to name; its cases still count in the hours.
    if (r.g) {
      byGroup.push({ groupId: r.g, waits });
    }
  }
  const halls = await findHalls(ctx.db, { tenantId: ctx.actor.tenantId, paths });
  const parts = await findHallParts(
    ctx.db,
    halls.map((h) => h.id),
  );
  const hallName = new Map(halls.map((h) => [h.id, h.name]));
  const groupLabel = new Map(parts.groups.map((g) => [g.id, `${hallName.get(g.hallId) ?? ""} · ${g.name}`]));
  return {
    byHour: [...byHour.entries()].sort(([a], [b]) => a - b).map(([hour, waits]) => ({ hour, ...stats(waits) })),
    byGroup: byGroup
      .map((g) => ({ groupId: g.groupId, label: groupLabel.get(g.groupId) ?? g.groupId, ...stats(g.waits) }))
      .sort((a, b) => (b.p90WaitSeconds ?? 0) - (a.p90WaitSeconds ?? 0)),
  };
}
