import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { inLanes } from "../../platform/lanes.ts";
import { reserveNumbers } from "../../platform/numbering.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { slotTimes } from "../appointments/booking-rules.ts";
import { rebuildCaseCells } from "../appointments/case-cells.repo.ts";
import { getAppointmentSettings } from "../appointments/settings.service.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import { getCalendar } from "../work-orders/work-orders-context.ts";
import { loadDemoBadRatings } from "./demo-bad-ratings.ts";
import { loadDemoHallPresent } from "./demo-hall-present.ts";
import { md5UuidSql } from "./demo-ids.ts";
import { loadDemoTownHallYears, removePartialTownYears } from "./demo-town-halls.ts";
import { prepareBulkTransaction, spread } from "./demo-work-orders.ts";
import { type BadPick, type HallLayout, type HallPlan, insertHallChunk, type SlotTime } from "./hall-batch.ts";
import {
  analyzeAsTheyGrow,
  analyzeTables,
  chunkDays,
  deferIndexesOnServer,
  isEmbedded,
  partLoaded,
  rebuildIndexes,
} from "./lanes.ts";
import { removePartialHallYear } from "./partial-cleanup.ts";
import { breathe } from "./ticket-batch.ts";

/** Huadu's district service centre in 2022 (the published figures): visitors and service cases. */
export const HALL_VISITORS_2022 = 566_800;
export const HALL_CASES_2022 = 767_227;
/** Bad ratings of the year, each with its rectification ticket. */
export const BAD_RATINGS_2022 = 131;
/** Visitors passed over after three calls (no case); the rest finish one to three items. */
const NO_SHOWS = 8_502;
const THREE_ITEMS = 30_000;
/** Visitors per chunk transaction: on the embedded database each must stay short (it holds the one connection). */
export const chunkVisitors = (embedded: boolean) => (embedded ? 4_000 : 9_000);
/** Bad ratings on cases finished by this day, so that their tickets open within the year. */
const LAST_BAD_DAY = "2022-12-20";

/** The tables the hall's year fills; on a fresh database their plain indexes are built at the end. */
const HALL_TABLES = ["queue_tickets", "service_cases", "bookings", "ratings", "appointment_slots"];

/** Visitors by month (the Spring Festival in February; the outbreak of November–December) and weekday. */
const MONTH = [1.05, 0.75, 1.05, 0.9, 0.95, 1.05, 1.1, 1.05, 1, 0.95, 0.85, 0.8];
const WEEKDAY = [0, 1.2, 1.05, 1, 1, 0.9, 0.8]; // Sunday first; weekend 调休 days count as Saturdays

/** The share of visitors of each window group (A 综合受理 … H 出入境与车驾管), by prefix. */
const GROUP_WEIGHTS: Record<string, number> = { A: 26, B: 16, C: 16, D: 10, E: 12, F: 9, G: 3, H: 8 };

const STAFF_SURNAMES = "王陈李黄张梁刘何罗林杨周吴谭邓冯曾徐朱钟叶苏";
const STAFF_GIVEN = ["慧敏", "晓琳", "志明", "嘉怡", "俊杰", "丽娟", "伟强", "凯琪", "文静", "浩宇", "婉婷", "国华"];

/** A small number from a text, so each hall's staff get other names than the centre's first windows. */
const hashName = (text: string) => [...text].reduce((a, c) => (a * 31 + (c.codePointAt(0) ?? 0)) % 997, 0);

export function workdays(cal: WorkCalendar, year: number): string[] {
  const out: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    if (cal.isWorkday(day)) {
      out.push(day);
    }
  }
  return out;
}

export const dayWeight = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  return (MONTH[d.getUTCMonth()] ?? 1) * (WEEKDAY[d.getUTCDay()] || 0.8);
};

/** Ranks r = g·P mod N with P prime to N: a permutation, so rank thresholds give exact counts. */
export function hallPlan(
  days: Array<[string, number]>,
  targets: { cases: number; noShows: number; threeItems: number } = {
    cases: HALL_CASES_2022,
    noShows: NO_SHOWS,
    threeItems: THREE_ITEMS,
  },
): HallPlan {
  const n = days.reduce((s, [, c]) => s + c, 0);
  const p = [7919, 7907, 7901, 7883].find((x) => n % x !== 0) ?? 7877;
  const done = n - targets.noShows;
  // Every finished visit has one case; two- and three-item visits add the rest exactly.
  const extra = targets.cases - done;
  const t3 = targets.threeItems;
  const t2 = t3 + (extra - 2 * targets.threeItems);
  // Each day's first case number in the hall's year: cases are numbered in finishing order, and a
  // visitor's items follow from its rank alone, so any chunk knows its numbers without the others.
  const casesOf = (g: number) => {
    const r = (g * p) % n;
    return r >= done ? 0 : r < t3 ? 3 : r < t2 ? 2 : 1;
  };
  let g0 = 0;
  let c0 = 0;
  const plan = days.map(([day, count]) => {
    const d = { day, count, g0, c0 };
    for (let g = g0 + 1; g <= g0 + count; g++) {
      c0 += casesOf(g);
    }
    g0 += count;
    return d;
  });
  return { n, p, t3, t2, done, cases: c0, days: plan };
}

/** Which visitors rate badly: evenly over the year up to LAST_BAD_DAY, each a finished visit. */
export function pickBadRatings(plan: HallPlan, count: number): Array<BadPick & { day: string }> {
  const last = plan.days.filter((d) => d.day <= LAST_BAD_DAY).at(-1);
  const end = last ? last.g0 + last.count : 0;
  const dayOf = (g: number) => plan.days.find((d) => g > d.g0 && g <= d.g0 + d.count)?.day ?? "";
  const out: Array<BadPick & { day: string }> = [];
  for (let k = 1; k <= count; k++) {
    let g = Math.floor(((k - 0.5) * end) / count) + 1;
    while ((g * plan.p) % plan.n >= plan.done) {
      g += 1;
    }
    out.push({ g, k, day: dayOf(g) });
  }
  return out;
}

/** The halls of a level, by name (the district centre first by creation). */
export function hallsOfLevel(db: Db, tenantId: string, level: "district" | "town") {
  return queryRows<HallLayout["hall"]>(
    db,
    sql`select id, org_unit_id as "orgUnitId", scope_path as "scopePath", name, level from halls
        where tenant_id = ${tenantId} and level = ${level} order by created_at, name`,
  );
}

async function centreLayout(db: Db, tenantId: string): Promise<Omit<HallLayout, "windows"> & { windowRows: WinRow[] }> {
  const [hall] = await hallsOfLevel(db, tenantId, "district");
  if (!hall) {
    throw new Error("演示租户没有区级政务服务中心");
  }
  return hallLayout(db, hall);
}

/** A hall's groups (weighted by GROUP_WEIGHTS), items and windows. */
export async function hallLayout(
  db: Db,
  hall: HallLayout["hall"],
): Promise<Omit<HallLayout, "windows"> & { windowRows: WinRow[] }> {
  const groups = await queryRows<{ id: string; prefix: string; slot_capacity: number }>(
    db,
    sql`select id, prefix, slot_capacity from window_groups where hall_id = ${hall.id} order by prefix`,
  );
  const items = await queryRows<{ groupId: string; code: string; name: string; bookable: boolean }>(
    db,
    sql`select i.group_id as "groupId", i.item_code as code, i.item_name as name, i.bookable
        from hall_group_items i join window_groups g on g.id = i.group_id where g.hall_id = ${hall.id}
        order by g.prefix, i.item_code`,
  );
  const windowRows = await queryRows<WinRow>(
    db,
    sql`select w.group_id as "groupId", w.id, w.name from hall_windows w join window_groups g on g.id = w.group_id
        where w.hall_id = ${hall.id} order by g.prefix, length(w.name), w.name`,
  );
  return {
    hall,
    groups: groups.map((g) => ({
      id: g.id,
      prefix: g.prefix,
      weight: GROUP_WEIGHTS[g.prefix] ?? 5,
      slotCapacity: Number(g.slot_capacity),
    })),
    items,
    windowRows,
  };
}
export type WinRow = { groupId: string; id: string; name: string };

/**
 * One hall_staff member per window of the centre, granted on the centre (window 1 is the demo
 * log-in `hall`). They cannot sign in: their password is random and never shown.
 */
export async function ensureHallStaff(
  db: Db,
  tenantId: string,
  seed: string,
  hall: HallLayout["hall"],
  wins: WinRow[],
  prefix = "hall-staff-",
) {
  const existing = await queryRows<{ id: string; username: string; display_name: string }>(
    db,
    sql`select id, username, display_name from users where tenant_id = ${tenantId}
        and (username = 'hall' or username like ${`${prefix}%`})`,
  );
  const byName = new Map(existing.map((u) => [u.username, u]));
  const hash = await hashPassword(randomBytes(24).toString("base64"));
  const out: HallLayout["windows"] = [];
  await db.transaction(async (tx) => {
    for (const [i, w] of wins.entries()) {
      const username =
        i === 0 && prefix === "hall-staff-" && byName.has("hall")
          ? "hall"
          : `${prefix}${String(i + 1).padStart(3, "0")}`;
      let user = byName.get(username);
      if (!user) {
        const n = i + (prefix === "hall-staff-" ? 0 : hashName(prefix));
        const displayName = `${STAFF_SURNAMES[(n * 7) % STAFF_SURNAMES.length] ?? "王"}${STAFF_GIVEN[(n * 5) % STAFF_GIVEN.length] ?? "敏"}`;
        const [row] = await queryRows<{ id: string; username: string; display_name: string }>(
          tx,
          sql`insert into users (id, tenant_id, org_unit_id, username, display_name, password_hash)
              values (${md5UuidSql(sql`${`${seed}:staff:${username}`}`)}, ${tenantId}, ${hall.orgUnitId}, ${username},
                ${displayName}, ${hash})
              returning id, username, display_name`,
        );
        await tx.execute(sql`insert into role_grants (id, tenant_id, user_id, role, org_unit_id)
            values (${md5UuidSql(sql`${`${seed}:grant:${username}`}`)}, ${tenantId}, ${row?.id}, 'hall_staff', ${hall.orgUnitId})`);
        user = row;
      }
      if (user) {
        out.push({ groupId: w.groupId, id: w.id, name: w.name, staffId: user.id, staffName: user.display_name });
      }
    }
  });
  return out;
}

/**
 * The parts of the centre's year: its layout with a staff member per window, the plan of visitors
 * by day, the bad ratings' picks, the chunks of days, and how one chunk is written (in a
 * transaction of its own). Everything follows from the seed and the calendar.
 */
export async function hallYear(db: Db, tenantId: string, seed: string) {
  const { windowRows, ...layoutBase } = await centreLayout(db, tenantId);
  const layout: HallLayout = {
    ...layoutBase,
    windows: await ensureHallStaff(db, tenantId, seed, layoutBase.hall, windowRows),
  };
  const cal = await getCalendar(db);
  const settings = await getAppointmentSettings(db, tenantId);
  const plan = hallPlan(spread(HALL_VISITORS_2022, workdays(cal, 2022), dayWeight));
  const bad = pickBadRatings(plan, BAD_RATINGS_2022);
  const chunks = chunkDays(plan.days, chunkVisitors(await isEmbedded(db)));
  /** Writes a chunk in a transaction of its own; its cases take numbers from `numberBase` + 1 on. */
  const writeChunk = async (chunk: HallPlan["days"], numberBase: number) => {
    const first = chunk[0];
    const last = chunk[chunk.length - 1];
    if (!first || !last) {
      return;
    }
    const slots: SlotTime[] = chunk.flatMap((d) =>
      slotTimes(d.day, settings).map((s) => ({
        day: d.day,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
      })),
    );
    const picks = bad.filter((b) => b.day >= first.day && b.day <= last.day);
    await breathe();
    await db.transaction(async (tx) => {
      await prepareBulkTransaction(tx);
      await insertHallChunk(tx, tenantId, seed, plan, layout, chunk, slots, picks, numberBase);
    });
  };
  return { layout, plan, bad, chunks, writeChunk };
}

/**
 * The district centre's 2022: 566,800 visitors on the year's working days within hall hours, who
 * finished 767,227 service cases at 86 windows, some by booking within their slots' capacity; about
 * one case in seven rated actively (the unrated rest are left to the default-rating job), 131 of
 * them badly, each with its rectification ticket to the centre, rectified on time.
 */
export async function loadDemoHallYear(
  db: Db,
  clock: Clock,
  tenantId: string,
  seed: string,
  progress: (m: string) => void,
): Promise<boolean> {
  if (await partLoaded(db, tenantId, "demo.hall_year")) {
    return false;
  }
  const t0 = Date.now();
  const { layout, plan, bad, chunks, writeChunk } = await hallYear(db, tenantId, seed);
  await removePartialHallYear(db, layout.hall.id, 2022);
  await removePartialTownYears(db, tenantId);
  await deferIndexesOnServer(db, HALL_TABLES);
  const numberBase = await reserveNumbers(db, tenantId, "service_case", 2022, plan.cases);
  // On a PostgreSQL server two lanes take the chunks (they are independent runs of days, numbered
  // from the plan), so the hall keeps pace with the work orders loading beside it; PGlite has one connection.
  const lanes = (await isEmbedded(db)) ? 1 : 2;
  const finished = chunks.map(() => false);
  let reported = 0;
  const grown = analyzeAsTheyGrow(db, ["service_cases", "queue_tickets", "bookings", "ratings"]);
  await inLanes(
    chunks,
    lanes,
    async (chunk) => {
      await writeChunk(chunk, numberBase);
      await grown();
    },
    (i) => {
      finished[i] = true;
      // Reported by quarter of the year, up to the last day of the unbroken run of finished chunks.
      const upTo = finished.indexOf(false) === -1 ? chunks.length : finished.indexOf(false);
      const day = chunks[upTo - 1]?.at(-1)?.day ?? "";
      const quarter = Math.floor(Number(day.slice(5, 7)) / 3);
      if (quarter > reported) {
        reported = quarter;
        progress(`大厅：已生成至 ${day}（${((Date.now() - t0) / 1000).toFixed(1)} 秒）`);
      }
    },
  );
  const t2 = Date.now();
  const towns = await loadDemoTownHallYears(db, tenantId, seed);
  progress(`镇（街）政务服务中心：来访 ${towns} 人次（${((Date.now() - t2) / 1000).toFixed(1)} 秒）`);
  const [rated] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ratings where subject_kind = 'service_case' and scope_path = ${layout.hall.scopePath}`,
  );
  progress(
    `大厅 ${layout.hall.name}：来访 ${plan.n} 人次、办件 ${HALL_CASES_2022} 件、主动评价 ${Number(rated?.n ?? 0)} 条（${((Date.now() - t0) / 1000).toFixed(1)} 秒）`,
  );
  const t1 = Date.now();
  await loadDemoBadRatings(db, tenantId, seed, layout.hall, bad);
  progress(`好差评：差评 ${bad.length} 条，整改工单 ${bad.length} 件（${((Date.now() - t1) / 1000).toFixed(1)} 秒）`);
  await rebuildIndexes(db, HALL_TABLES, "大厅", progress);
  const present = await loadDemoHallPresent(db, clock, tenantId, seed, layout);
  progress(
    present.visitors > 0
      ? `大厅今日：已取号 ${present.visitors} 人、等候 ${present.waiting} 人；本周及下周预约 ${present.bookings} 个`
      : `大厅今日未在办公时间，不生成今日排队；本周及下周预约 ${present.bookings} 个`,
  );
  // After the present's cases too: the bulk writers defer the cells, and one pass builds them all.
  const t3 = Date.now();
  await rebuildCaseCells(db, tenantId, breathe);
  progress(`大厅统计单元已生成（${((Date.now() - t3) / 1000).toFixed(1)} 秒）`);
  await db.transaction(async (tx) => {
    await recordAudit(
      { db: tx, actor: { kind: "system", tenantId, name: "演示数据" }, clock, requestId: null },
      {
        action: "demo.hall_year",
        entityType: "hall",
        entityId: layout.hall.id,
        summary: { seed, visitors: plan.n, cases: HALL_CASES_2022, badRatings: bad.length },
      },
    );
  });
  await analyzeTables(db, ["service_cases", "hall_case_cells", "queue_tickets", "bookings", "ratings"]);
  return true;
}
