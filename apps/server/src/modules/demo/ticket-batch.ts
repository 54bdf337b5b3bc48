import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { WoCategory, WoKind } from "../../../../../packages/contracts/src/work-orders.ts";
import type { Db } from "../../platform/db/client.ts";
import { computeDue } from "../work-orders/sla.ts";
import { pickPolicy } from "../work-orders/sla-policy.ts";
import { getCalendar, getPolicies } from "../work-orders/work-orders-context.ts";
import { SUBJECTS } from "./demo-texts.ts";

/**
 * Ids are UUIDv7-shaped (time first, then hash bits), so rows and their events land in index order.
 *
 * One kind of generated tickets written by set-based SQL, with exact counts where the report needs
 * them: `late` tickets closed after their deadline, `praise`, `open` left in progress, a campaign
 * subset, and the follow-up outcomes. Ranks come from a permutation of the row number, so the
 * selections are spread over the year and disjoint. Every ticket gets the events its status implies.
 */
export type Batch = {
  key: string;
  kind: WoKind;
  channel: string;
  /** Subject list per category when not the category's own (grid events, deputies). */
  subjects?: Partial<Record<WoCategory, keyof typeof SUBJECTS>>;
  categories: Array<[WoCategory, number]>;
  days: Array<[string, number]>;
  late: number;
  praise: number;
  open: number;
  /** Per mille of unreachable follow-ups among the rest (deputies: 0). */
  unreachablePerMille: number;
  /** Exactly this many of the closed, reached, non-campaign tickets rated unsatisfied (else by hash). */
  unsatisfied?: number;
  campaign?: { tag: string; from: string; to: string; count: number; unreachable: number; satisfied: number };
  /** Share of tickets handled by the caller's town (the rest by district departments), in %. */
  townShare: number;
};

/** Communities with their weight as a number of copies: a town's share of calls follows its population. */
export type Places = Array<{ townId: string; townPath: string; communityId: string; place: string; copies: number }>;
export type Units = Array<{ id: string; path: string }>;

/**
 * A 32-bit hash of an integer row number, keyed by `salt`: PostgreSQL's own hashint8extended, some ten
 * times cheaper than md5 of a text, which matters at millions of rows. Same value on every engine.
 */
export function rowHash(row: string, salt: string): string {
  const key = Number.parseInt(createHash("sha256").update(salt).digest("hex").slice(0, 12), 16);
  return `(hashint8extended((${row})::bigint, ${key}) & 4294967295)`;
}

/** A PostgreSQL array literal, sent as one parameter (drizzle would spread a JS array into many). */
const pgArray = (xs: readonly string[]) =>
  `{${xs.map((x) => `"${x.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;

/** Lets the event loop serve requests between bulk statements (PGlite blocks it while one runs). */
export const breathe = () => new Promise((resolve) => setImmediate(resolve));

const coprime = (n: number) => [7919, 7907, 7901, 7883, 7879].find((p) => n % p !== 0) ?? 7877;

/** Deadlines per (day, category) from the tenant's SLA policies and the working calendar. */
async function dueTable(db: Db, tenantId: string, b: Batch, days: string[]) {
  const cal = await getCalendar(db);
  const rows: string[] = [];
  for (const day of days) {
    const policies = await getPolicies(db, tenantId, Number(day.slice(0, 4)));
    const at = new Date(`${day}T12:00:00+08:00`);
    for (const [category] of b.categories) {
      const p = pickPolicy(policies, b.kind, category, "normal");
      const accept = computeDue(cal, at, p.acceptValue, p.acceptUnit).toISOString();
      const close = computeDue(cal, at, p.closeValue, p.closeUnit).toISOString();
      rows.push(`('${day}'::date,'${category}','${accept}'::timestamptz,'${close}'::timestamptz)`);
    }
  }
  return rows;
}

/** Row ranks: r = g·P mod N is a permutation of 0…N−1, so rank ranges give exact, spread-out counts. */
export function batchPlan(b: Batch) {
  const n = b.days.reduce((s, [, c]) => s + c, 0);
  const p = coprime(n);
  let g0 = 0;
  const days = b.days.map(([day, count]) => {
    const d = { day, count, g0 };
    g0 += count;
    return d;
  });
  const special = b.late + b.praise;
  const c = b.campaign;
  // The campaign takes the lowest-ranked ordinary tickets of its period; thresholds split its outcomes.
  let cut = { all: 0, unreachable: 0, satisfied: 0 };
  if (c) {
    const ranks: number[] = [];
    for (const d of days.filter((x) => x.day >= c.from && x.day <= c.to)) {
      for (let g = d.g0 + 1; g <= d.g0 + d.count; g++) {
        const r = (g * p) % n;
        if (r >= special && r < n - b.open) {
          ranks.push(r);
        }
      }
    }
    ranks.sort((x, y) => x - y);
    const at = (k: number) => (k > 0 ? (ranks[k - 1] ?? -1) + 1 : special);
    cut = { all: at(c.count), unreachable: at(c.unreachable), satisfied: at(c.unreachable + c.satisfied) };
  }
  return { n, p, days, special, cut };
}
export type BatchPlan = ReturnType<typeof batchPlan>;

/** Inserts the tickets of `chunk` (a run of the plan's days), each decided from its global row number alone. */
export async function insertBatch(
  tx: Db,
  tenantId: string,
  seed: string,
  b: Batch,
  plan: BatchPlan,
  chunk: BatchPlan["days"],
  places: Places,
  units: Units,
) {
  const { n, special, cut } = plan;
  const dayRows = chunk.map((d) => `('${d.day}'::date,${d.count},${d.g0})`);
  const dues = await dueTable(
    tx,
    tenantId,
    b,
    chunk.map((d) => d.day),
  );
  // The category a hash lands on, by lookup: entry k of the array is the category of weight slot k.
  // Each place fills a run of consecutive slots, as many as its copies.
  let slot = 0;
  const placeRuns = places.map((p) => {
    const run = { ...p, from: slot };
    slot += p.copies;
    return run;
  });
  const categoryOf = b.categories.flatMap(([c, w]) => Array.from({ length: w }, () => `'${c}'`));
  const subjects = b.categories.flatMap(([category]) => {
    const list = SUBJECTS[b.subjects?.[category] ?? category] ?? [];
    return list.map((x, i) => ({ c: category, i, n: list.length, t: x[0], x: x[1], k: x[2] }));
  });
  const c = b.campaign;
  const h = (salt: string) => sql.raw(rowHash("g", `${seed}:${b.key}:${salt}`));
  // One statement, its small tables as CTEs: a temporary table each would cost catalog writes and
  // a file per chunk (on the embedded database some milliseconds apiece, a thousand times a year).
  await tx.execute(sql`
    with dd (day, n, g0) as (values ${sql.raw(dayRows.join(","))}),
    due (day, category, accept_due, close_due) as materialized (values ${sql.raw(dues.join(","))}),
    subj as materialized (
      select s->>'c' as category, (s->>'i')::int as i, (s->>'n')::int as n, s->>'t' as title, s->>'x' as content,
        array(select jsonb_array_elements_text(s->'k')) as keywords
      from jsonb_array_elements(${JSON.stringify(subjects)}::jsonb) as x(s)
    ),
    pl as materialized (
      select i, (p->>'townId')::uuid as town_id, p->>'townPath' as town_path, (p->>'communityId')::uuid as community_id,
        p->>'place' as place
      from jsonb_array_elements(${JSON.stringify(placeRuns)}::jsonb) as x(p),
        generate_series((p->>'from')::int, (p->>'from')::int + (p->>'copies')::int - 1) i
    ),
    t as materialized (
      select b.*, ${sql.raw(`(array[${categoryOf.join(",")}])[1 + b.h2 % ${categoryOf.length}]`)} as category,
        ${c ? sql`b.day between ${c.from}::date and ${c.to}::date and b.r >= ${special} and b.r < ${cut.all}` : sql`false`} as in_campaign
      from (
        select g, d.day, (g::bigint * ${plan.p}) % ${n} as r,
          ${h("a")} as h1, ${h("b")} as h2, ${h("c")} as h3, ${h("d")} as h4, ${h("e")} as h5, ${h("f")} as h6
        from dd d, generate_series(d.g0 + 1, d.g0 + d.n) g
      ) b
    )
    insert into work_orders (id, tenant_id, external_no, kind, category, urgency, channel, title, content, caller_name,
      caller_phone, town_id, community_id, address, keywords, campaign_tags, status, unit_id, scope_path, received_at,
      accept_due_at, close_due_at, accepted_at, replied_at, closed_at, satisfaction, resolved, praise, event_count)
    select (lpad(to_hex((extract(epoch from x.received_at) * 1000)::bigint), 12, '0') || '7' || substr(x.idh, 1, 3) || '8'
        || substr(x.idh, 4, 15))::uuid,
      ${tenantId}, x.ext, ${b.kind}, x.category, 'normal', ${b.channel}, s.title,
      p.place || '：' || s.content, x.caller, x.phone, p.town_id, p.community_id, p.place, s.keywords,
      case when x.in_campaign then array[${c?.tag ?? ""}]::text[] else array[]::text[] end,
      case when x.open then 'in_progress' else 'closed' end, uu.unit_id, uu.unit_path, x.received_at,
      du.accept_due, du.close_due, x.received_at + (20 + x.h1 % 100) * interval '1 minute',
      case when x.open then null else cl.closed_at - interval '3 hours' end,
      case when x.open then null else cl.closed_at end,
      x.satisfaction, case when x.satisfaction is null then null else x.satisfaction >= 3 end, x.praise,
      case when x.open then 4 else 6 end
    from (
      select t.*, md5(${`${seed}:${b.key}:`} || t.g) as idh, ${`${b.key}-`} || lpad(t.g::text, 7, '0') as ext,
        t.r >= ${n - b.open} as open, t.r >= ${b.late} and t.r < ${special} as praise,
        (array${sql.raw(`['陈','李','黄','张','梁','刘','何','罗','林','杨','周','吴','谭','邓','冯','曾','徐','朱','钟','叶']`)})[1 + t.h6 % 20]
          || (array${sql.raw(`['伟','芳','敏','静','丽','强','磊','洁','勇','艳','杰','娟','涛','明','超','秀英','志强','建华','淑芬','嘉欣']`)})[1 + (t.h6 / 20) % 20] as caller,
        '1' || (array['35','36','37','38','39','50','58','86','88','89'])[1 + t.h5 % 10] || lpad((t.h6 % 100000000)::text, 8, '0') as phone,
        (t.day::text || ' 08:30:00+08')::timestamptz + (t.h1 % 480) * interval '1 minute' as received_at,
        case
          when t.in_campaign and t.r < ${cut.unreachable} then null
          when t.in_campaign and t.r < ${cut.satisfied} then 3 + t.h3 % 3
          when t.in_campaign then 1 + t.h3 % 2
          when t.r >= ${b.late} and t.r < ${special} then 5
          when t.r >= ${n - b.open} then null
          ${b.unsatisfied !== undefined ? sql`when t.r < ${b.unsatisfied} then 2 when true then 4 + t.h3 % 2` : sql``}
          when t.h4 % 1000 < ${b.unreachablePerMille} then null
          when t.h4 % 100 < 2 then 1 when t.h4 % 100 < 5 then 2 when t.h4 % 100 < 14 then 3
          when t.h4 % 100 < 42 then 4 else 5
        end as satisfaction
      from t
    ) x
    join pl p on p.i = x.h4 % ${slot}
    join subj s on s.category = x.category and s.i = x.h3 % s.n
    join due du on du.day = x.day and du.category = x.category
    cross join lateral (
      select case when x.h5 % 100 < ${b.townShare} then p.town_id else (${pgArray(units.map((u) => u.id))}::uuid[])[1 + x.h5 % ${units.length}] end as unit_id,
        case when x.h5 % 100 < ${b.townShare} then p.town_path else (${pgArray(units.map((u) => u.path))}::text[])[1 + x.h5 % ${units.length}] end as unit_path
    ) uu
    cross join lateral (
      select case
        when x.r < ${b.late} then du.close_due + (1 + x.h2 % 7) * interval '1 day' + interval '2 hours'
        else x.received_at + interval '6 hours'
          + (extract(epoch from du.close_due - x.received_at - interval '6 hours') * (x.h6 % 900) / 1000.0) * interval '1 second'
      end as closed_at
    ) cl
    order by x.g`);
  return chunk.reduce((s, d) => s + d.count, 0);
}
