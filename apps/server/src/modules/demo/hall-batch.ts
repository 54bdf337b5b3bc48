import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { numberPrefix } from "../../platform/numbering.ts";
import { md5Uuid } from "./demo-ids.ts";
import { GIVEN } from "./demo-texts.ts";
import { breathe, rowHash } from "./ticket-batch.ts";

/**
 * One run of days of the district centre's year, written by set-based SQL: queue tickets (visitors),
 * the service cases of the finished ones (one per item, up to three items a visit), the bookings of
 * the visitors who booked with the slots they fit in, the day's queue counters, and the active
 * ratings (about one case in seven, and the year's bad ratings with their reasons).
 *
 * Each visitor is decided from its global row number g alone: r = g·P mod N ranks the visitors, so
 * rank ranges give exact counts spread over the year (r < t3: three items, < t2: two, ≥ done:
 * passed over after three calls), and hashes of (seed, g) pick the rest.
 */
export type HallPlan = {
  n: number;
  p: number;
  /** Ranks below `t3` finish three items, below `t2` two, below `done` one; the rest are no-shows. */
  t3: number;
  t2: number;
  done: number;
  /** The cases of the whole plan; `c0` is the number of cases before a day. */
  cases: number;
  days: Array<{ day: string; count: number; g0: number; c0: number }>;
};

export type HallLayout = {
  hall: { id: string; orgUnitId: string; scopePath: string; name: string; level: string };
  groups: Array<{ id: string; prefix: string; weight: number; slotCapacity: number }>;
  items: Array<{ groupId: string; code: string; name: string; bookable: boolean }>;
  windows: Array<{ groupId: string; id: string; name: string; staffId: string; staffName: string }>;
};

/** Check-in times: share per part of the day (weights), last check-in 20 minutes before closing. */
const BUCKETS: Array<{ startMin: number; len: number; weight: number; endMin: number }> = [
  { startMin: 540, len: 60, weight: 15, endMin: 720 },
  { startMin: 600, len: 60, weight: 18, endMin: 720 },
  { startMin: 660, len: 40, weight: 9, endMin: 720 },
  { startMin: 780, len: 60, weight: 10, endMin: 1020 },
  { startMin: 840, len: 60, weight: 17, endMin: 1020 },
  { startMin: 900, len: 60, weight: 17, endMin: 1020 },
  { startMin: 960, len: 40, weight: 8, endMin: 1020 },
];

/** Where the visitors' ID numbers were issued: mostly Huadu, then the rest of Guangzhou and beyond. */
const REGIONS = [
  440114, 440114, 440114, 440114, 440114, 440114, 440111, 440106, 440104, 440183, 440184, 441802, 445102, 360732,
  431102, 452501,
];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const SURNAMES = "陈李黄张梁刘何罗林杨周吴谭邓冯曾徐朱钟叶";
const BAD_REASONS = ["办事效率低", "服务态度差", "多次跑动", "材料要求不清", "未按承诺时限办结", "问题未解决"];
const BAD_COMMENTS = [
  "排队时间太长，窗口只开了一半",
  "工作人员没有一次性告知所需材料，白跑一趟",
  "说好的当天办结，结果让下周再来",
  "咨询问题答非所问",
  "态度生硬，不耐烦",
  "系统故障等了很久也没人解释",
];
/** Share of cases rated actively, in %. */
const ACTIVE_RATING_PERCENT = 14;
const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

const lit = (x: string) => `'${x.replaceAll("'", "''")}'`;
const list = (xs: readonly (string | number)[]) =>
  `array[${xs.map((x) => (typeof x === "number" ? String(x) : lit(x))).join(",")}]`;

/** GB 11643 check character of a 17-digit bigint expression, in SQL. */
function idCheckSql(id17: string): string {
  const terms = ID_WEIGHTS.map((w, i) => `((${id17} / ${10n ** BigInt(16 - i)}) % 10) * ${w}`);
  return `substr('10X98765432', 1 + ((${terms.join(" + ")}) % 11)::int, 1)`;
}

/** A UUIDv7-shaped id: the instant first (rows land in index order), then hash bits. */
const idAt = (at: string, hash: string) =>
  `(lpad(to_hex((extract(epoch from ${at}) * 1000)::bigint), 12, '0') || '7' || substr(${hash}, 1, 3) || '8' || substr(${hash}, 4, 15))::uuid`;

/**
 * The chunk's small tables (days, groups, items, windows, check-in buckets, slots, bad-rating picks)
 * as CTE definitions the statements put in front of themselves. Temporary tables would cost catalog
 * writes and a file apiece per chunk (on the embedded database some milliseconds each), and the
 * planner knows a VALUES list's size exactly.
 */
function smallTables(layout: HallLayout, chunk: HallPlan["days"], slots: SlotTime[], bad: BadPick[]) {
  const values = (rows: string[]) => `values ${rows.join(",")}`;
  let lo = 0;
  const groupRows = layout.groups.map((g, i) => {
    const items = layout.items.filter((x) => x.groupId === g.id).length;
    const wins = layout.windows.filter((x) => x.groupId === g.id).length;
    const row = `(${i},'${g.id}'::uuid,${lit(g.prefix)},${lo},${lo + g.weight},${items},${wins},${g.slotCapacity})`;
    lo += g.weight;
    return row;
  });
  const perGroup = <T extends { groupId: string }>(xs: readonly T[]) =>
    layout.groups.flatMap((g) => xs.filter((x) => x.groupId === g.id).map((x, i) => ({ x, i })));
  let blo = 0;
  const bucketRows = BUCKETS.map((b) => {
    const row = `(${blo},${blo + b.weight},${b.startMin},${b.len},${b.endMin})`;
    blo += b.weight;
    return row;
  });
  const cte = {
    hd: `hd (day, n, g0, t0) as (${values(chunk.map((d) => `('${d.day}'::date,${d.count},${d.g0},'${d.day} 00:00:00+08'::timestamptz)`))})`,
    hg: `hg (i, id, prefix, lo, hi, nitems, nwin, cap) as (${values(groupRows)})`,
    hi: `hi (group_id, i, code, name, bookable) as (${values(
      perGroup(layout.items).map(
        ({ x, i }) => `('${x.groupId}'::uuid,${i},${lit(x.code)},${lit(x.name)},${x.bookable})`,
      ),
    )})`,
    hw: `hw (group_id, i, id, name, staff_id, staff_name) as (${values(
      perGroup(layout.windows).map(
        ({ x, i }) =>
          `('${x.groupId}'::uuid,${i},'${x.id}'::uuid,${lit(x.name)},'${x.staffId}'::uuid,${lit(x.staffName)})`,
      ),
    )})`,
    hb: `hb (lo, hi, start_min, len, end_min) as (${values(bucketRows)})`,
    hs: `hs (day, starts_at, ends_at) as (${values(
      slots.map((t) => `('${t.day}'::date,'${t.startsAt}'::timestamptz,'${t.endsAt}'::timestamptz)`),
    )})`,
    hbad:
      bad.length > 0
        ? `hbad (g, k) as (${values(bad.map((b) => `(${b.g},${b.k})`))})`
        : "hbad (g, k) as (select null::int, null::int where false)",
  };
  return {
    with: (...names: Array<keyof typeof cte>) => `with ${names.map((n) => cte[n]).join(",\n")}`,
    weightSum: lo,
    bucketSum: blo,
  };
}

export type SlotTime = { day: string; startsAt: string; endsAt: string };
export type BadPick = { g: number; k: number };

/**
 * Writes the chunk's visitors, cases, bookings, slots, counters and ratings. The cases are numbered
 * in finishing order from `numberBase` + the cases of the plan's earlier days + 1 (the block the
 * caller reserved for the plan's year).
 */
export async function insertHallChunk(
  tx: Db,
  tenantId: string,
  seed: string,
  plan: HallPlan,
  layout: HallLayout,
  chunk: HallPlan["days"],
  slots: SlotTime[],
  bad: BadPick[],
  numberBase: number,
): Promise<void> {
  const small = smallTables(layout, chunk, slots, bad);
  const { weightSum, bucketSum } = small;
  const { hall } = layout;
  const md5 = (salt: string) => `md5('${seed}:hall:' || g || ':${salt}')`;
  const id17 = `((${list(REGIONS)})[1 + h8 % ${REGIONS.length}]::bigint * 100000000000 + to_char(date '1952-01-01' + (h7 % 19000)::int, 'YYYYMMDD')::bigint * 1000 + h6 % 1000)`;
  await tx.execute(
    sql.raw(`create temp table hv on commit drop as
    ${small.with("hd", "hg", "hb", "hi", "hw", "hs")}, base as materialized (
      select g, d.day, d.t0, (g::bigint * ${plan.p}) % ${plan.n} as r, ${md5("a")} as ma
      from hd d, generate_series(d.g0 + 1, d.g0 + d.n) g
    ), hx as materialized (
      select g, day, t0, r, ${[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `${rowHash("g", `${seed}:hall:h${i}`)} as h${i}`).join(", ")}, ma
      from base
    ), x as materialized (
      select hx.*, gr.id as group_id, gr.prefix, gr.nitems, gr.cap,
        hx.t0 + (bk.start_min * 60 + hx.h3 % (bk.len * 60)) * interval '1 second' as checked_in_at,
        hx.t0 + bk.end_min * interval '1 minute' as closes_at,
        case when r >= ${plan.done} then 0 when r < ${plan.t3} then 3 when r < ${plan.t2} then 2 else 1 end as m,
        it.code as item_code, it.name as item_name, it.bookable, wn.id as window_id, wn.name as window_name,
        wn.staff_id, wn.staff_name
      from hx
      join hg gr on hx.h2 % ${weightSum} >= gr.lo and hx.h2 % ${weightSum} < gr.hi
      join hb bk on hx.h1 % ${bucketSum} >= bk.lo and hx.h1 % ${bucketSum} < bk.hi
      join hi it on it.group_id = gr.id and it.i = hx.h4 % gr.nitems
      join hw wn on wn.group_id = gr.id and wn.i = hx.h5 % gr.nwin
    ), y as (
      select x.*, s.starts_at as slot_start, s.ends_at as slot_end,
        x.bookable and x.h6 % 100 < 24 as wants,
        row_number() over (partition by x.day, x.group_id order by x.checked_in_at, x.g) as seq,
        extract(epoch from x.closes_at - x.checked_in_at) - 60 as avail,
        60 + ((x.h7 % 1000) * (x.h7 % 1000)) * 2400 / 1000000.0 as w0,
        greatest(x.m, 1) * (240 + x.h8 % 840) as s0
      from x join hs s on s.day = x.day and x.checked_in_at >= s.starts_at and x.checked_in_at < s.ends_at
    ), z as (
      select y.*, least(1.0, y.avail / (y.w0 + 30 + y.s0)) as f,
        y.wants and row_number() over (partition by y.group_id, y.slot_start, y.wants order by y.g) <= y.cap as booked
      from y
    )
    -- offset 0 keeps the subquery whole: flattened, its id17 expression would be computed once per check digit term.
    select w.*, w.id17::text || ${idCheckSql("w.id17")} as id_number from (
    select z.g, z.day, z.r, z.m, z.h1, z.h2, z.h3, z.h4, z.h5, z.h6, z.group_id, z.prefix, z.nitems, z.item_code, z.item_name,
      z.window_id, z.window_name, z.staff_id, z.staff_name, z.seq, z.booked, z.slot_start, z.slot_end, z.checked_in_at,
      ${idAt("z.checked_in_at", "z.ma")} as id,
      case when z.booked then ${md5Uuid(`'${seed}:booking:' || z.g`)} end as booking_id,
      case when z.booked then ${md5Uuid(`'${seed}:slot:' || z.group_id || ':' || z.slot_start`)} end as slot_id,
      substr('${SURNAMES}', 1 + (z.h5 / 7 % ${SURNAMES.length})::int, 1) || (${list(GIVEN)})[1 + (z.h6 / 1000) % ${GIVEN.length}] as person_name,
      '1' || (array['35','36','37','38','39','50','58','86','88','89'])[1 + z.h2 / 13 % 10] || lpad((z.h1 % 100000000)::text, 8, '0') as phone,
      ${id17} as id17,
      z.checked_in_at + floor(z.w0 * z.f) * interval '1 second' as called_at,
      z.checked_in_at + floor((z.w0 + 30) * z.f) * interval '1 second' as started_at,
      floor(z.s0 * z.f)::int as svc
    from z offset 0) w`),
  );
  await breathe();
  const first = chunk[0];
  const numbers = {
    prefix: numberPrefix("service_case", Number(first?.day.slice(0, 4))),
    base: numberBase + (first?.c0 ?? 0),
  };
  await insertRows(tx, tenantId, seed, hall, small.with, numbers);
}

async function insertRows(
  tx: Db,
  tenantId: string,
  seed: string,
  hall: HallLayout["hall"],
  small: ReturnType<typeof smallTables>["with"],
  numbers: { prefix: string; base: number },
) {
  const q = (s: string) => tx.execute(sql.raw(s));
  const t = `'${tenantId}'::uuid`;
  await q(`${small("hg", "hs")}
    insert into appointment_slots (id, tenant_id, hall_id, group_id, day, starts_at, ends_at, capacity, booked)
    select ${md5Uuid(`'${seed}:slot:' || g.id || ':' || s.starts_at`)}, ${t}, '${hall.id}', g.id, s.day, s.starts_at, s.ends_at, g.cap,
      coalesce(b.n, 0)
    from hg g cross join hs s
    left join (select group_id, slot_start, count(*)::int as n from hv where booked group by 1, 2) b
      on b.group_id = g.id and b.slot_start = s.starts_at`);
  await q(`insert into bookings (id, tenant_id, hall_id, scope_path, group_id, slot_id, day, starts_at, ends_at, code, item_code,
      item_name, person_name, id_number, phone, status, created_at, checked_in_at)
    select hv.booking_id, ${t}, '${hall.id}', '${hall.scopePath}', hv.group_id, hv.slot_id, hv.day, hv.slot_start, hv.slot_end,
      ${bookingCode("hv.booking_id")}, hv.item_code, hv.item_name, hv.person_name, hv.id_number, hv.phone,
      case when hv.m = 0 then 'no_show' else 'served' end,
      hv.slot_start - (1 + hv.h3 % 4) * interval '1 day' - (hv.h4 % 600) * interval '1 minute', hv.checked_in_at
    from hv where hv.booked`);
  await breathe();
  await q(`insert into queue_tickets (id, tenant_id, hall_id, scope_path, group_id, day, number, seq, booking_id, item_code,
      item_name, person_name, id_number, phone, status, priority_at, checked_in_at, window_id, call_count, called_at, started_at,
      finished_at)
    select hv.id, ${t}, '${hall.id}', '${hall.scopePath}', hv.group_id, hv.day,
      hv.prefix || case when hv.seq < 1000 then lpad(hv.seq::text, 3, '0') else hv.seq::text end, hv.seq,
      hv.booking_id, hv.item_code, hv.item_name, hv.person_name, hv.id_number, hv.phone,
      case when hv.m = 0 then 'skipped' else 'done' end, case when hv.booked then hv.slot_start else hv.checked_in_at end,
      hv.checked_in_at, hv.window_id, case when hv.m = 0 then 3 else 1 end, hv.called_at,
      case when hv.m = 0 then null else hv.started_at end,
      case when hv.m = 0 then hv.called_at + interval '3 minutes' else hv.started_at + hv.svc * interval '1 second' end
    from hv`);
  await q(`insert into queue_counters (tenant_id, group_id, day, last)
    select ${t}, hv.group_id, hv.day, max(hv.seq) from hv group by hv.group_id, hv.day`);
  await breathe();
  // A visit's cases, computed where they are used (the cases, then the rated few of them) rather
  // than kept in a temporary table: writing and reading back a million rows cost more.
  const cases = (visitors: string) => `(
    select ${idAt("hv.started_at + (hv.svc * (k + 1) / hv.m) * interval '1 second'", `md5('${seed}:case:' || hv.g || ':' || k)`)} as case_id,
      hv.id, hv.g, hv.day, hv.h3, hv.h4, hv.h5, hv.h6, hv.group_id, hv.window_id, hv.window_name, hv.staff_id, hv.staff_name,
      hv.booked, hv.booking_id, hv.person_name, hv.id_number, hv.phone, hv.checked_in_at, hv.called_at,
      k, it.code as case_item_code, it.name as case_item_name,
      hv.started_at + (hv.svc * k / hv.m) * interval '1 second' as case_started,
      hv.started_at + (hv.svc * (k + 1) / hv.m) * interval '1 second' as case_finished,
      (hv.svc * (k + 1) / hv.m) - (hv.svc * k / hv.m) as case_svc,
      exists (select 1 from hbad b where b.g = hv.g) and k = 0 as bad
    from ${visitors} hv cross join generate_series(0, 2) k
    join hi it on it.group_id = hv.group_id and it.i = (hv.h4 + k) % hv.nitems
    where k < hv.m) hc`;
  await q(`${small("hi", "hbad")}
    insert into service_cases (id, tenant_id, hall_id, scope_path, hall_level, group_id, window_id, window_name, ticket_id,
      booking_id, item_code, item_name, staff_user_id, staff_name, person_name, id_number, phone, result, checked_in_at, called_at,
      started_at, finished_at, wait_seconds, service_seconds, case_no)
    select hc.case_id, ${t}, '${hall.id}', '${hall.scopePath}', '${hall.level}', hc.group_id, hc.window_id, hc.window_name, hc.id,
      hc.booking_id, hc.case_item_code, hc.case_item_name, hc.staff_id, hc.staff_name,
      hc.person_name, hc.id_number, hc.phone,
      case when hc.case_item_name like '%咨询%' or hc.case_item_name like '%查询%' then 'consulted'
        when hc.h6 % 100 < 3 then 'rejected' when hc.h6 % 100 < 9 then 'deferred' when hc.h6 % 100 < 38 then 'accepted'
        else 'completed' end,
      hc.checked_in_at, hc.called_at, hc.case_started, hc.case_finished,
      extract(epoch from hc.called_at - hc.checked_in_at)::int, hc.case_svc,
      '${numbers.prefix}' || lpad((${numbers.base} + row_number() over (order by hc.case_finished, hc.case_id))::text, 7, '0')
    from ${cases("hv")} order by hc.case_id`);
  await breathe();
  // About one citizen in seven rates actively (most satisfied); bad ratings get their reason now, the
  // rectification ticket and the rating time come with it (bad-ratings step). The 基本满意 defaults
  // of the unrated rest are left to the default-rating job: 660,000 more rows would double the load.
  await q(`${small("hi", "hbad")}
    insert into ratings (id, tenant_id, subject_kind, subject_id, subject_label, unit_id, scope_path, window_name, staff_name,
      item_code, level, reasons, comment, is_default, rater_name, rater_phone, rated_at)
    select ${md5Uuid(`'${seed}:rating:' || hc.case_id`)}, ${t}, 'service_case', hc.case_id,
      hc.case_item_name || '（${hall.name} ' || hc.window_name || '）', '${hall.orgUnitId}', '${hall.scopePath}', hc.window_name,
      hc.staff_name, hc.case_item_code,
      case when hc.bad then 1 + hc.h4 % 2 when hc.h5 % 100 < 76 then 5 when hc.h5 % 100 < 95 then 4 else 3 end,
      case when hc.bad then array[(${list(BAD_REASONS)})[1 + hc.h5 % ${BAD_REASONS.length}]] else array[]::text[] end,
      case when hc.bad then (${list(BAD_COMMENTS)})[1 + hc.h6 % ${BAD_COMMENTS.length}] else '' end,
      false, hc.person_name, hc.phone,
      case when hc.bad then ((hc.day + 1)::text || ' 08:30:00+08')::timestamptz
        else hc.case_finished + (600 + hc.h4 % 172800) * interval '1 second' end
    from ${cases(`(select * from hv where hv.h3 % 100 < ${ACTIVE_RATING_PERCENT} or hv.g in (select g from hbad))`)}
    where hc.bad or hc.h3 % 100 < ${ACTIVE_RATING_PERCENT}`);
}

/** A 10-character booking code over the module's alphabet (no 0/O, 1/I) from 50 bits of an id. */
function bookingCode(id: string): string {
  const bits = `('x' || substr(replace(${id}::text, '-', ''), 1, 13))::bit(52)::bigint`;
  return Array.from(
    { length: 10 },
    (_, i) => `substr('${CODE_ALPHABET}', 1 + ((${bits} >> ${i * 5}) & 31)::int, 1)`,
  ).join(" || ");
}
