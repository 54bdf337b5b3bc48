import { sql } from "drizzle-orm";
import type { Ctx } from "../../platform/actor.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { filterContext } from "./queries.service.ts";
import { OPEN_STATUSES } from "./state-machine.ts";
import { workOrders as w } from "./work-orders.schema.ts";
import { filterWhere } from "./work-orders-filter.ts";

export type TownBacklog = { townId: string | null; open: number; overdue: number };

/**
 * Open tickets now per town (null: no town), and those past their close-by time, within the
 * reader's scope: the same conditions as the list's open statuses and its 超期 queue, so a count
 * opens to exactly its tickets.
 */
export async function backlogByTown(ctx: Ctx): Promise<TownBacklog[]> {
  const c = filterContext(ctx);
  const where = filterWhere({ status: [...OPEN_STATUSES] }, c);
  const rows = await queryRows<{ town_id: string | null; open: number; overdue: number }>(
    ctx.db,
    sql`select ${w.townId}::text as town_id, count(*)::int as open,
          count(*) filter (where ${w.closeDueAt} < ${c.now.toISOString()}::timestamptz)::int as overdue
        from ${w} where ${where} group by 1`,
  );
  return rows.map((r) => ({ townId: r.town_id, open: Number(r.open), overdue: Number(r.overdue) }));
}
