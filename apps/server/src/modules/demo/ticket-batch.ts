import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { WoCategory, WoKind } from "../../../../../packages/contracts/src/work-orders.ts";
import type { Db } from "../../platform/db/client.ts";
import { computeDue } from "../work-orders/sla.ts";
import { pickPolicy } from "../work-orders/sla-policy.ts";
import { getCalendar, getPolicies } from "../work-orders/work-orders-context.ts";
import { type NamedUnit, ROUTES, routeUnits, unitStanding } from "./demo-routing.ts";
import { CAMPAIGN_SUBJECTS, SUBJECTS } from "./demo-texts.ts";

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
  /** Share of tickets handled by the caller's town where the routing table lets it (else departments), in %. */
  townShare: number;
  /** When the demo is loaded: tickets left open are on an approved extension due after it. */
  openDueFrom?: string;
};

/** Communities with their weight as a number of copies: a town's share of calls follows its population. */
export type Places = Array<{
  townId: string;
  townPath: string;
  townName: string;
  communityId: string;
  place: string;
  copies: number;
}>;
export type Units = NamedUnit[];

/**
 * A 32-bit hash of an integer row number, keyed by `salt`: PostgreSQL's own hashint8extended, some ten
 * times cheaper than md5 of a text, which matters at millions of rows. Same value on every engine.
 */
export function rowHash(row: string, salt: string): string {
  const key = Number.parseInt(createHash("sha256").update(salt).digest("hex").slice(0, 12), 16);
  return `(hashint8extended((${row})::bigint, ${key}) & 4294967295)`;
}

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

/**
 * Per handling unit, from its standing: per mille of tickets accepted late, redone, first sent
 * elsewhere and returned, and the per cent of ratings of 4–5 that come out two levels lower.
 */
function unitQualities(seed: string, places: Places, units: Units, rounds: boolean) {
  const all = new Map([
    ...places.map((p) => [p.townId, p.townName] as const),
    ...units.map((u) => [u.id, u.name] as const),
  ]);
  return [...all].map(([id, name]) => {
    const q = unitStanding(seed, name);
    // Redos and returns only where a hotline centre dispatches (not a hall's own rectification).
    const r = rounds ? Math.round(2 + q * 28) : 0;
    const t = rounds ? Math.round(10 + q * 35) : 0;
    return { id, a: Math.round(4 + q * q * 130), r, t, s: Math.round(q * 14) };
  });
}

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
  // Each place fills a run of consecutive slots, as many as its copies. Tickets closed late take
  // their place from a second run of slots weighted by the town's standing: weaker towns are late more often.
  let slot = 0;
  const placeRuns = places.map((p) => {
    const run = { ...p, from: slot };
    slot += p.copies;
    return run;
  });
  let lateSlot = 0;
  const lateRuns = places.map((p) => {
    const copies = Math.max(1, Math.round(p.copies * (0.2 + 3 * unitStanding(seed, p.townName))));
    const run = { ...p, copies, from: slot + lateSlot };
    lateSlot += copies;
    return run;
  });
  const categoryOf = b.categories.flatMap(([c, w]) => Array.from({ length: w }, () => `'${c}'`));
  // A campaign's tickets take its own subjects where it has them (the 涉整改 campaign's problems).
  const subjects = b.categories.flatMap(([category]) => {
    const regular = SUBJECTS[b.subjects?.[category] ?? category] ?? [];
    const own = b.campaign ? subjectRows(category, true, CAMPAIGN_SUBJECTS[category] ?? regular) : [];
    return [...subjectRows(category, false, regular), ...own];
  });
  function subjectRows(category: string, campaign: boolean, list: ReadonlyArray<[string, string, string[]]>) {
    return list.map((x, i) => {
      // Dispatch follows the routing table; a subject it does not know may go to any department.
      const routed = routeUnits(x[0], units);
      const to = routed.length > 0 ? routed : units;
      const town = routed.length === 0 || (ROUTES[x[0]]?.town ?? false);
      return {
        c: category,
        i,
        n: list.length,
        t: x[0],
        x: x[1],
        k: x[2],
        town,
        u: to.map((u) => u.id),
        p: to.map((u) => u.path),
        camp: campaign,
      };
    });
  }
  const qualities = unitQualities(seed, places, units, b.kind !== "bad_rating");
  const c = b.campaign;
  const h = (salt: string) => sql.raw(rowHash("g", `${seed}:${b.key}:${salt}`));
  const openDue = b.openDueFrom ?? null;
  // One statement, its small tables as CTEs: a temporary table each would cost catalog writes and
  // a file per chunk (on the embedded database some milliseconds apiece, a thousand times a year).
  await tx.execute(sql`
    with dd (day, n, g0) as (values ${sql.raw(dayRows.join(","))}),
    due (day, category, accept_due, close_due) as materialized (values ${sql.raw(dues.join(","))}),
    subj as materialized (
      select s->>'c' as category, (s->>'i')::int as i, (s->>'n')::int as n, s->>'t' as title, s->>'x' as content,
        array(select jsonb_array_elements_text(s->'k')) as keywords, (s->>'town')::boolean as town,
        (s->>'camp')::boolean as camp,
        array(select jsonb_array_elements_text(s->'u'))::uuid[] as unit_ids,
        array(select jsonb_array_elements_text(s->'p')) as unit_paths
      from jsonb_array_elements(${JSON.stringify(subjects)}::jsonb) as x(s)
    ),
    pl as materialized (
      select i, (p->>'townId')::uuid as town_id, p->>'townPath' as town_path, (p->>'communityId')::uuid as community_id,
        p->>'place' as place
      from jsonb_array_elements(${JSON.stringify([...placeRuns, ...lateRuns])}::jsonb) as x(p),
        generate_series((p->>'from')::int, (p->>'from')::int + (p->>'copies')::int - 1) i
    ),
    q as materialized (
      select (e->>'id')::uuid as unit_id, (e->>'a')::int as acc_pm, (e->>'r')::int as redo_pm, (e->>'t')::int as ret_pm,
        (e->>'s')::int as sat_pct
      from jsonb_array_elements(${JSON.stringify(qualities)}::jsonb) as x(e)
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
      accept_due_at, close_due_at, accepted_at, replied_at, closed_at, satisfaction, resolved, praise, event_count,
      extension_count, redo_count, return_count)
    select (lpad(to_hex((extract(epoch from x.received_at) * 1000)::bigint), 12, '0') || '7' || substr(x.idh, 1, 3) || '8'
        || substr(x.idh, 4, 15))::uuid,
      ${tenantId}, x.ext, ${b.kind}, x.category, 'normal', ${b.channel}, s.title,
      p.place || '：' || s.content, x.caller, x.phone, p.town_id, p.community_id, p.place, s.keywords,
      case when x.in_campaign then array[${c?.tag ?? ""}]::text[] else array[]::text[] end,
      case when x.open then 'in_progress' else 'closed' end, uu.unit_id, uu.unit_path, x.received_at,
      du.accept_due, case when f.ext then ${openDue}::timestamptz + (10 + x.h2 % 80) * interval '1 day' else du.close_due end,
      ac.accepted_at,
      case when x.open then null else cl.closed_at - interval '3 hours' end,
      case when x.open then null else cl.closed_at end,
      ss.sat, case when ss.sat is null then null when ss.sat >= 4 then (x.h3 / 100) % 40 <> 0
        when ss.sat = 3 then (x.h3 / 100) % 3 <> 0 when ss.sat = 2 then (x.h3 / 100) % 6 = 0 else false end,
      x.praise,
      (case when x.open then 4 else 6 end) + (case when f.ext then 2 else 0 end) + (case when f.ret then 3 else 0 end)
        + (case when rd.redo then 3 else 0 end),
      case when f.ext then 1 else 0 end, case when rd.redo then 1 else 0 end, case when f.ret then 1 else 0 end
    from (
      select t.*, md5(${`${seed}:${b.key}:`} || t.g) as idh, ${`${b.key}-`} || lpad(t.g::text, 7, '0') as ext,
        t.r >= ${n - b.open} as open, t.r >= ${b.late} and t.r < ${special} as praise,
        ${b.unsatisfied === undefined ? sql`not t.in_campaign and not (t.r >= ${b.late} and t.r < ${special})` : sql`false`} as free,
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
    join pl p on p.i = ${placeSlot(b.late, slot, lateSlot)}
    join subj s on s.category = x.category and s.camp = x.in_campaign and s.i = x.h3 % s.n
    join due du on du.day = x.day and du.category = x.category
    cross join lateral (
      select case when s.town and x.h5 % 100 < ${b.townShare} then p.town_id
          else s.unit_ids[1 + (x.h5 / 100) % cardinality(s.unit_ids)] end as unit_id,
        case when s.town and x.h5 % 100 < ${b.townShare} then p.town_path
          else s.unit_paths[1 + (x.h5 / 100) % cardinality(s.unit_paths)] end as unit_path
    ) uu
    join q on q.unit_id = uu.unit_id
    cross join lateral (
      select case
        when x.r < ${b.late} then du.close_due + (1 + x.h2 % 7) * interval '1 day' + interval '2 hours'
        else x.received_at + interval '6 hours'
          + (extract(epoch from du.close_due - x.received_at - interval '6 hours') * (x.h6 % 900) / 1000.0) * interval '1 second'
      end as closed_at
    ) cl
    cross join lateral (
      select not x.open and (x.h5 / 100000) % 1000 < q.ret_pm and cl.closed_at > x.received_at + interval '8 hours' as ret,
        x.open and ${openDue}::timestamptz is not null as ext
    ) f
    cross join lateral (
      select case
        when f.ret then x.received_at + (150 + x.h1 % 100) * interval '1 minute'
        when (x.h5 / 1000) % 1000 < q.acc_pm
          and (x.open or du.accept_due + interval '95 minutes' < cl.closed_at - interval '4 hours')
          then du.accept_due + (5 + x.h1 % 90) * interval '1 minute'
        else x.received_at + (20 + x.h1 % 100) * interval '1 minute'
      end as accepted_at
    ) ac
    cross join lateral (
      select not x.open and not x.praise and cl.closed_at - ac.accepted_at > interval '1 day'
        and (x.h6 / 1000) % 1000 < q.redo_pm as redo
    ) rd
    cross join lateral (
      select case when x.free and x.satisfaction >= 4 and (x.h2 / 1000) % 100 < q.sat_pct then x.satisfaction - 2
        else x.satisfaction end as sat
    ) ss
    order by x.g`);
  return chunk.reduce((s, d) => s + d.count, 0);
}

/** The place slot of a ticket: late ones from the runs weighted by the town's standing. */
function placeSlot(late: number, slot: number, lateSlot: number) {
  return sql.raw(`case when x.r < ${late} then ${slot} + x.h4 % ${lateSlot} else x.h4 % ${slot} end`);
}
