import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { inLanes } from "../../platform/lanes.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { WorkCalendar } from "../calendar/work-calendar.ts";
import { createCampaign, listCampaigns } from "../work-orders/settings.service.ts";
import { getCalendar } from "../work-orders/work-orders-context.ts";
import { md5UuidSql } from "./demo-ids.ts";
import { insertPresentTickets } from "./demo-present.ts";
import { TOWN_WEIGHTS } from "./demo-texts.ts";
import {
  analyzeAsTheyGrow,
  analyzeTables,
  chunkDays,
  deferIndexesOnServer,
  isEmbedded,
  partLoaded,
  rebuildIndexes,
} from "./lanes.ts";
import { removePartialWorkOrders } from "./partial-cleanup.ts";
import { type Batch, batchPlan, breathe, insertBatch, type Places, type Units } from "./ticket-batch.ts";

const CHUNK_TICKETS = 4000;
/** Smaller on the embedded database: a chunk's transaction holds its one connection while it runs. */
const CHUNK_TICKETS_EMBEDDED = 2000;

/** Hotline volume by month (2022: the October–December outbreak raised calls) and weekday. */
const MONTH = [0.8, 0.7, 0.9, 1, 1, 1, 1.1, 1.1, 1, 1.3, 1.5, 1.4];
const WEEKDAY = [0.75, 1.15, 1.05, 1.05, 1.05, 1.05, 0.8]; // Sunday first

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** Splits `total` over days by weight with the largest-remainder method, so the sum is exact. */
export function spread(
  total: number,
  days: string[],
  weight: (day: string, i: number) => number,
): Array<[string, number]> {
  const w = days.map(weight);
  const sum = w.reduce((a, b) => a + b, 0);
  const raw = w.map((x) => (x / sum) * total);
  const counts = raw.map(Math.floor);
  let rest = total - counts.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest-- <= 0) {
      break;
    }
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return days.map((d, i) => [d, counts[i] ?? 0] as [string, number]).filter(([, c]) => c > 0);
}

const hotlineWeight = (cal: WorkCalendar) => (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  const holiday = !cal.isWorkday(day) && d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
  return (MONTH[d.getUTCMonth()] ?? 1) * (WEEKDAY[d.getUTCDay()] ?? 1) * (holiday ? 0.7 : 1);
};

export async function placesAndUnits(db: Db, tenantId: string): Promise<{ places: Places; units: Units }> {
  const rows = await queryRows<{ id: string; path: string; name: string; kind: string; parent_id: string | null }>(
    db,
    sql`select id, path, name, kind, parent_id from org_units where tenant_id = ${tenantId}`,
  );
  const places: Places = [];
  for (const town of rows.filter((r) => r.kind === "street" || r.kind === "town")) {
    const communities = rows.filter((r) => r.parent_id === town.id);
    const weight = TOWN_WEIGHTS[town.name] ?? 5;
    const copies = Math.max(1, Math.round((weight * 40) / Math.max(1, communities.length)));
    for (const c of communities) {
      places.push({
        townId: town.id,
        townPath: town.path,
        townName: town.name,
        communityId: c.id,
        place: `花都区${town.name}${c.name}`,
        copies,
      });
    }
  }
  const units = rows.filter((r) => r.kind === "department").map((r) => ({ id: r.id, path: r.path, name: r.name }));
  if (places.length === 0 || units.length === 0) {
    throw new Error("演示租户缺少镇街、村居或部门");
  }
  return { places, units };
}

export async function insertEventsAndContacts(
  tx: Db,
  tenantId: string,
  key: string,
  seed: string,
  [lo, hi]: [number, number],
): Promise<void> {
  const no = (g: number) => `${key}-${String(g).padStart(7, "0")}`;
  // No sort: the lateral list gives each ticket's events one after another, in order, already.
  // A returned ticket was first sent to another department, which asked to return it (3 events more);
  // a redone one was rated unsatisfied with the unit at fault and answered again (3 more).
  await tx.execute(sql`
    insert into work_order_events (tenant_id, work_order_id, seq, action, from_status, to_status, actor_type,
      actor_name, unit_id, at, reason, data)
    select w.tenant_id, w.id, e.seq, e.action, e.from_s, e.to_s, 'user',
      case when e.centre then '12345花都分中心' else coalesce(e.unit_name, u.name) end, e.unit_id, e.at, e.reason, e.data
    from work_orders w
    join org_units u on u.id = w.unit_id
    left join lateral (
      select o.id, o.name from org_units o
      where w.return_count > 0 and o.tenant_id = w.tenant_id and o.kind = 'department' and o.id <> w.unit_id
      order by md5(w.id::text || o.name) limit 1
    ) wr on true
    cross join lateral (
      select case when w.return_count > 0 then 3 else 0 end as s, case when w.redo_count > 0 then 3 else 0 end as r,
        w.accepted_at + (w.closed_at - w.accepted_at) * 0.4 as t1
    ) sh
    cross join lateral (values
      (1, 'receive', null, 'received', w.received_at, true, null::text,
        jsonb_build_object('channel', w.channel, 'externalNo', w.external_no), null::uuid, null::text, true),
      (2, 'dispatch', 'received', 'dispatched', w.received_at + interval '10 minutes', true, null,
        jsonb_build_object('unit', coalesce(wr.name, u.name)), coalesce(wr.id, w.unit_id), null, true),
      (3, 'request_return', 'dispatched', 'return_requested', w.received_at + interval '50 minutes', false,
        '经核实该诉求不属于本单位职责范围，申请退回重新派单', '{}'::jsonb, null, wr.name, sh.s > 0),
      (4, 'approve_return', 'return_requested', 'received', w.received_at + interval '90 minutes', true, null,
        jsonb_build_object('from', wr.name), null, null, sh.s > 0),
      (5, 'dispatch', 'received', 'dispatched', w.received_at + interval '100 minutes', true, null,
        jsonb_build_object('unit', u.name), w.unit_id, null, sh.s > 0),
      (3 + sh.s, 'accept', 'dispatched', 'accepted', w.accepted_at, false, null, '{}'::jsonb, null, null, true),
      (4 + sh.s, case when w.closed_at is null then 'start' else 'reply' end, 'accepted',
        case when w.closed_at is null then 'in_progress' else 'replied' end,
        case when sh.r > 0 then sh.t1 else coalesce(w.replied_at, w.accepted_at + interval '1 hour') end,
        false, case when w.closed_at is null then null else '已核查处理并答复来电人' end, '{}'::jsonb, null, null, true),
      (5 + sh.s, 'request_extension', 'in_progress', 'extension_requested', w.accepted_at + interval '1 day', false,
        '涉及多个部门协调及资金安排，需延期办理', '{}'::jsonb, null, null, w.closed_at is null and w.extension_count > 0),
      (6 + sh.s, 'approve_extension', 'extension_requested', 'in_progress', w.accepted_at + interval '2 days', true, null,
        jsonb_build_object('dueAt', w.close_due_at), null, null, w.closed_at is null and w.extension_count > 0),
      (5 + sh.s, 'approve_reply', 'replied', 'follow_up', sh.t1 + interval '1 hour', true, null, '{}'::jsonb, null, null,
        sh.r > 0),
      (6 + sh.s, 'redo', 'follow_up', 'in_progress', sh.t1 + interval '2 hours', true, null,
        jsonb_build_object('reached', true, 'satisfaction', 2, 'resolved', false, 'unitAtFault', true, 'praise', false),
        null, null, sh.r > 0),
      (7 + sh.s, 'reply', 'in_progress', 'replied', w.closed_at - interval '3 hours', false, '已重新核查处理并答复来电人',
        '{}'::jsonb, null, null, sh.r > 0),
      (5 + sh.s + sh.r, 'approve_reply', 'replied', 'follow_up', w.closed_at - interval '2 hours', true, null, '{}'::jsonb,
        null, null, w.closed_at is not null),
      (6 + sh.s + sh.r, 'follow_up', 'follow_up', 'closed', w.closed_at, true, null,
        jsonb_build_object('reached', w.satisfaction is not null, 'satisfaction', w.satisfaction, 'resolved', w.resolved,
          'unitAtFault', false, 'praise', w.praise), null, null, w.closed_at is not null)
    ) e(seq, action, from_s, to_s, at, centre, reason, data, unit_id, unit_name, keep)
    where w.tenant_id = ${tenantId} and w.external_no between ${no(lo)} and ${no(hi)} and e.keep`);
  await breathe();
  await tx.execute(sql`
    insert into work_order_contacts (id, tenant_id, work_order_id, name, phone)
    select ${md5UuidSql(sql`${`${seed}:contact:`} || w.id::text`)}, w.tenant_id, w.id, w.caller_name, w.caller_phone
    from work_orders w
    where w.tenant_id = ${tenantId} and w.external_no between ${no(lo)} and ${no(hi)} and w.caller_phone is not null`);
}

/** The tables the year's work orders fill; on a fresh database their plain indexes are built at the end. */
const WORK_ORDER_TABLES = ["work_orders", "work_order_events", "work_order_contacts"];

/**
 * Settings of one bulk-load transaction: commits do not wait for the disk. No JIT: the temporary tables have no statistics, so the
 * planner's estimates are huge and PostgreSQL would spend a second compiling each statement that
 * runs in milliseconds. And no per-row foreign-key triggers when the role may (a superuser, as on
 * PGlite and the usual local server): the rows are built from existing tickets and units, so the
 * keys hold. Elsewhere the checks simply run.
 */
export async function prepareBulkTransaction(tx: Db): Promise<void> {
  await tx.execute(sql`set local jit = off`);
  // The window sorts and hash joins over a chunk's rows stay in memory instead of spilling to disk.
  await tx.execute(sql`set local work_mem = '64MB'`);
  // A lost tail after a crash is harmless: an unfinished load is removed and redone at the next start.
  await tx.execute(sql`set local synchronous_commit = off`);
  // The case cells of 大厅统计 are built once at the load's end (rebuildCaseCells), not per chunk.
  await tx.execute(sql`set local zhengwu.cells_deferred = 'on'`);
  const [role] = await queryRows<{ su: boolean }>(
    tx,
    sql`select rolsuper as su from pg_roles where rolname = current_user`,
  );
  if (role?.su) {
    await tx.execute(sql`set local session_replication_role = replica`);
  }
}

/**
 * The embedded database's single session keeps a chunk's temporary tables (some 10 MB) in memory
 * rather than the 8 MB default. Allowed only before the session's first temporary table, so tried
 * once up front; a session that has used one already keeps its setting.
 */
export async function widenTempBuffers(db: Db): Promise<void> {
  try {
    await db.execute(sql`set temp_buffers = '128MB'`);
  } catch {
    // Temporary tables were used before in this session: loading works the same, a little slower.
  }
}

/**
 * A year of the bureau's work orders, reproducing the published 2022 figures: 187,454 hotline
 * tickets (+85.95% on 2021's 100,810), 98.63% closed on time, 89 praises; the 涉整改 campaign's
 * 846 tickets, all closed on time, 93.18% satisfied; 22,009 AI-reported grid events to date;
 * 913 deputies' items since November 2021, 98% closed, 99% satisfied.
 */
export async function loadDemoWorkOrders(
  db: Db,
  clock: Clock,
  tenantId: string,
  seed: string,
  progress: (m: string) => void,
): Promise<boolean> {
  if (await partLoaded(db, tenantId, "demo.work_orders")) {
    return false;
  }
  // A load killed part-way left tickets without its completion entry: removed in short chunks.
  await removePartialWorkOrders(db, tenantId);
  await deferIndexesOnServer(db, WORK_ORDER_TABLES);
  const cal = await getCalendar(db);
  const { places, units } = await placesAndUnits(db, tenantId);
  const sys = { kind: "system" as const, tenantId, name: "演示数据" };
  const ctx = {
    db,
    actor: sys,
    clock,
    log: { info: () => {}, warn: () => {}, error: () => {} },
    requestId: randomUUID(),
  };
  const campaigns = await listCampaigns(ctx);
  if (!campaigns.items.some((c) => c.tag === "rectification")) {
    await createCampaign(ctx, {
      tag: "rectification",
      name: "涉整改工单",
      startsOn: "2022-03-15",
      endsOn: "2022-10-31",
    });
  }
  const hotline: Array<[Batch["categories"][number][0], number]> = [
    ["consult", 22],
    ["help", 33],
    ["complaint", 30],
    ["report", 5],
    ["suggestion", 10],
  ];
  const batches: Batch[] = [
    {
      key: "GZ2021",
      kind: "hotline",
      channel: "city_12345",
      categories: hotline,
      days: spread(100_810, daysBetween("2021-01-01", "2021-12-31"), hotlineWeight(cal)),
      late: 2100,
      praise: 41,
      open: 0,
      unreachablePerMille: 20,
      townShare: 55,
    },
    {
      key: "GZ2022",
      kind: "hotline",
      channel: "city_12345",
      categories: hotline,
      days: spread(187_454, daysBetween("2022-01-01", "2022-12-31"), hotlineWeight(cal)),
      late: 187_454 - 184_886,
      praise: 89,
      open: 0,
      unreachablePerMille: 20,
      // 836 reached of 846, 779 satisfied: 93.18%.
      campaign: {
        tag: "rectification",
        from: "2022-03-15",
        to: "2022-10-31",
        count: 846,
        unreachable: 10,
        satisfied: 779,
      },
      townShare: 55,
    },
    {
      key: "AI",
      kind: "grid_event",
      channel: "ai_reporter",
      subjects: { help: "grid" },
      categories: [["help", 1]],
      // AI reporters came online in September 2021 and now report more than 100 events a day.
      days: spread(22_009, daysBetween("2021-09-01", "2022-12-31"), (_d, i) => 10 + i),
      late: 0,
      praise: 0,
      open: 0,
      unreachablePerMille: 1000,
      townShare: 100,
    },
    {
      key: "DEP",
      kind: "deputies",
      channel: "deputies_studio",
      subjects: { suggestion: "deputies" },
      categories: [["suggestion", 1]],
      days: spread(913, daysBetween("2021-11-01", "2022-12-31"), (d) => (cal.isWorkday(d) ? 1 : 0.2)),
      late: 0,
      praise: 0,
      open: 18,
      // Long-term items (a road, a school's traffic) still open at the report, now on an extension.
      openDueFrom: clock.now().toISOString(),
      unreachablePerMille: 0,
      unsatisfied: 9,
      townShare: 40,
    },
  ];
  // Short transactions of a few thousand tickets: on the single-connection embedded database the
  // server keeps answering between them. A PostgreSQL server takes them on two lanes.
  const embedded = await isEmbedded(db);
  const lanes = embedded ? 1 : 2;
  const grown = analyzeAsTheyGrow(db, ["work_orders", "work_order_events"]);
  for (const b of batches) {
    const t0 = Date.now();
    const plan = batchPlan(b);
    const chunks = chunkDays(plan.days, embedded ? CHUNK_TICKETS_EMBEDDED : CHUNK_TICKETS);
    await inLanes(chunks, lanes, async (chunk) => {
      const first = chunk[0];
      const last = chunk[chunk.length - 1];
      if (!first || !last) {
        return;
      }
      // PGlite runs queries synchronously and resolves at once: without a macrotask break the
      // promise chain would starve the HTTP server until the whole year is in.
      await breathe();
      await db.transaction(async (tx) => {
        await prepareBulkTransaction(tx);
        await insertBatch(tx, tenantId, seed, b, plan, chunk, places, units);
        await breathe();
        await insertEventsAndContacts(tx, tenantId, b.key, seed, [first.g0 + 1, last.g0 + last.count]);
      });
      await grown();
    });
    progress(`工单 ${b.key}：${plan.n} 件（${((Date.now() - t0) / 1000).toFixed(1)} 秒）`);
  }
  const [root] = await queryRows<{ path: string }>(
    db,
    sql`select path from org_units where tenant_id = ${tenantId} and kind = 'district'`,
  );
  const present = await insertPresentTickets(db, clock, tenantId, seed, places, units, root?.path ?? "/");
  progress(`当前在办工单 ${present} 件（以今天为准生成）`);
  await rebuildIndexes(db, WORK_ORDER_TABLES, "工单", progress);
  await db.transaction(async (tx) => {
    await recordAudit(
      { db: tx, actor: sys, clock, requestId: null },
      {
        action: "demo.work_orders",
        entityType: "tenant",
        entityId: tenantId,
        summary: { seed, batches: batches.map((b) => b.key) },
      },
    );
  });
  await analyzeTables(db, ["work_order_events", "work_orders"]);
  return true;
}
