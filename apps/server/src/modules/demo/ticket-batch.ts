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
      rows.push(`('${day}','${category}','${accept}','${close}')`);
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
  const dayRows = chunk.map((d) => `('${d.day}',${d.count},${d.g0})`);
  await tx.execute(sql.raw(`create temp table dd (day date, n int, g0 int) on commit drop`));
  await tx.execute(sql.raw(`insert into dd values ${dayRows.join(",")}`));
  await tx.execute(
    sql.raw(
      `create temp table due (day date, category text, accept_due timestamptz, close_due timestamptz) on commit drop`,
    ),
  );
  const dues = await dueTable(
    tx,
    tenantId,
    b,
    chunk.map((d) => d.day),
  );
  for (let i = 0; i < dues.length; i += 2000) {
    await tx.execute(sql.raw(`insert into due values ${dues.slice(i, i + 2000).join(",")}`));
  }
  let lo = 0;
  const cats = b.categories.map(([c, w]) => {
    const row = `('${c}',${lo},${lo + w})`;
    lo += w;
    return row;
  });
  await tx.execute(sql.raw(`create temp table cat (category text, lo int, hi int) on commit drop`));
  await tx.execute(sql.raw(`insert into cat values ${cats.join(",")}`));
  await tx.execute(
    sql.raw(
      `create temp table subj (category text, i int, n int, title text, content text, keywords text[]) on commit drop`,
    ),
  );
  for (const [category] of b.categories) {
    const list = SUBJECTS[b.subjects?.[category] ?? category] ?? [];
    await tx.execute(
      sql`insert into subj select ${category}, i - 1, ${list.length}, s->>0, s->>1, array(select jsonb_array_elements_text(s->2))
          from jsonb_array_elements(${JSON.stringify(list)}::jsonb) with ordinality as x(s, i)`,
    );
  }
  await tx.execute(
    sql.raw(`create temp table pl (i int, town_id uuid, town_path text, community_id uuid, place text) on commit drop`),
  );
  await tx.execute(
    sql`insert into pl select (row_number() over (order by i, k) - 1)::int, (p->>'townId')::uuid, p->>'townPath',
          (p->>'communityId')::uuid, p->>'place'
        from jsonb_array_elements(${JSON.stringify(places)}::jsonb) with ordinality as x(p, i),
          generate_series(1, (p->>'copies')::int) k`,
  );
  await tx.execute(sql.raw(`create temp table un (i int, id uuid, path text) on commit drop`));
  await tx.execute(
    sql`insert into un select i - 1, (u->>'id')::uuid, u->>'path'
        from jsonb_array_elements(${JSON.stringify(units)}::jsonb) with ordinality as x(u, i)`,
  );
  await breathe();
  const c = b.campaign;
  const h = (salt: string) => sql.raw(rowHash("g", `${seed}:${b.key}:${salt}`));
  await tx.execute(sql`
    create temp table t on commit drop as
    with base as (
      select g, d.day, (g::bigint * ${plan.p}) % ${n} as r,
        ${h("a")} as h1, ${h("b")} as h2, ${h("c")} as h3, ${h("d")} as h4, ${h("e")} as h5, ${h("f")} as h6
      from dd d, generate_series(d.g0 + 1, d.g0 + d.n) g
    )
    select b.*, ${c ? sql`b.day between ${c.from}::date and ${c.to}::date and b.r >= ${special} and b.r < ${cut.all}` : sql`false`} as in_campaign
    from base b`);
  await breathe();
  await tx.execute(sql`
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
        (select category from cat where t.h2 % ${lo} >= cat.lo and t.h2 % ${lo} < cat.hi) as category,
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
    join pl p on p.i = x.h4 % ${places.reduce((n, p) => n + p.copies, 0)}
    join subj s on s.category = x.category and s.i = x.h3 % s.n
    join due du on du.day = x.day and du.category = x.category
    cross join lateral (
      select case when x.h5 % 100 < ${b.townShare} then p.town_id else un.id end as unit_id,
        case when x.h5 % 100 < ${b.townShare} then p.town_path else un.path end as unit_path
      from un where un.i = x.h5 % ${units.length}
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
