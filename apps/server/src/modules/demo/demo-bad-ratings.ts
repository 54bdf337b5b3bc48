import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { addDays } from "../calendar/work-calendar.ts";
import { insertEventsAndContacts, prepareBulkTransaction } from "./demo-work-orders.ts";
import type { BadPick, HallLayout } from "./hall-batch.ts";
import { type Batch, batchPlan, insertBatch } from "./ticket-batch.ts";

const KEY = "BR2022";
/** The street the centre stands in (its tickets' town): named exactly as its org unit. */
export const BAD_RATING_TOWN = "新华街道";

/**
 * The rectification tickets of the year's bad ratings (the hall chunks wrote the ratings with their
 * reasons): one `bad_rating` work order each, dispatched to the centre that served, received the
 * day after the service when the citizen rated, rectified and followed up within the 15 working
 * days of the policy — written by the work-order batch machinery, so every ticket has the events
 * its status implies. The rating then points at its ticket and carries the ticket's receipt time.
 */
export async function loadDemoBadRatings(
  db: Db,
  tenantId: string,
  seed: string,
  hall: HallLayout["hall"],
  bad: Array<BadPick & { day: string }>,
): Promise<void> {
  const [town] = await queryRows<{ id: string; path: string; name: string; community_id: string | null }>(
    db,
    sql`select t.id, t.path, t.name, (select c.id from org_units c where c.parent_id = t.id order by c.name limit 1) as community_id
        from org_units t where t.tenant_id = ${tenantId} and t.name = ${BAD_RATING_TOWN} limit 1`,
  );
  const perDay = new Map<string, number>();
  for (const b of bad) {
    const day = addDays(b.day, 1);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const batch: Batch = {
    key: KEY,
    kind: "bad_rating",
    channel: "evaluation",
    categories: [["complaint", 1]],
    days: [...perDay.entries()].sort((a, b) => a[0].localeCompare(b[0])),
    late: 0,
    praise: 0,
    open: 0,
    unreachablePerMille: 40,
    townShare: 0,
  };
  const plan = batchPlan(batch);
  const places = [
    {
      townId: town?.id ?? hall.orgUnitId,
      townPath: town?.path ?? hall.scopePath,
      townName: town?.name ?? hall.name,
      communityId: town?.community_id ?? town?.id ?? hall.orgUnitId,
      place: hall.name,
      copies: 1,
    },
  ];
  await db.transaction(async (tx) => {
    await prepareBulkTransaction(tx);
    const ids = sql`(select id from work_orders where tenant_id = ${tenantId} and external_no like ${`${KEY}-%`})`;
    await tx.execute(sql`delete from work_order_events where work_order_id in ${ids}`);
    await tx.execute(sql`delete from work_order_contacts where work_order_id in ${ids}`);
    await tx.execute(sql`delete from work_orders where tenant_id = ${tenantId} and external_no like ${`${KEY}-%`}`);
    await insertBatch(tx, tenantId, seed, batch, plan, plan.days, places, [
      { id: hall.orgUnitId, path: hall.scopePath, name: hall.name },
    ]);
    // The k-th bad rating of the year (by day) belongs to the k-th ticket (by number, also by day).
    await tx.execute(sql`create temp table brl on commit drop as
      select r.id as rating_id, w.id as wo_id
      from (select id, row_number() over (order by rated_at, subject_id) as k from ratings
            where tenant_id = ${tenantId} and subject_kind = 'service_case' and level <= 2 and not is_default
              and rectification_work_order_id is null and scope_path = ${hall.scopePath}) r
      join (select id, row_number() over (order by external_no) as k from work_orders
            where tenant_id = ${tenantId} and external_no like ${`${KEY}-%`}) w on w.k = r.k`);
    await tx.execute(sql`update work_orders w set
        title = left('差评整改：' || r.subject_label, 100),
        content = '评价：' || case r.level when 1 then '非常不满意' else '不满意' end || '。原因：'
          || array_to_string(r.reasons || array[r.comment], '；'),
        caller_name = r.rater_name, caller_phone = r.rater_phone, keywords = array['差评整改', r.item_code],
        source_ref = 'rating:' || r.id
      from brl l join ratings r on r.id = l.rating_id
      where w.id = l.wo_id`);
    await tx.execute(sql`update ratings r set rectification_work_order_id = w.id, rated_at = w.received_at
      from brl l join work_orders w on w.id = l.wo_id
      where r.id = l.rating_id`);
    await insertEventsAndContacts(tx, tenantId, KEY, seed, [1, plan.n]);
  });
}
