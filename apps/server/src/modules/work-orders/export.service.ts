import { once } from "node:events";
import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import {
  WO_STATUS_LABELS,
  type WorkOrderFilter,
  WoStatusSchema,
} from "../../../../../packages/contracts/src/work-orders.ts";
import type { Ctx } from "../../platform/actor.ts";
import { maskPhone } from "../../platform/mask.ts";
import { findUnitNames } from "../org/org.repo.ts";
import { filterContext } from "./queries.service.ts";
import { ENUM_LABELS, TICKET_COLUMNS } from "./spreadsheet-columns.ts";
import { maskName } from "./work-orders.mapper.ts";
import { countWorkOrders, findWorkOrdersBatch } from "./work-orders.repo.ts";
import { filterWhere } from "./work-orders-filter.ts";

/** Beijing wall-clock time, as every time column of the export (the import reads it back as such). */
const fmt = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3600_000).toISOString().replace("T", " ").slice(0, 19) : "";

/** Rows per read: a chunk's query and its rows' formatting take well under 0.1 s. */
const EXPORT_CHUNK = 500;

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/** How many tickets a filter selects (the progress of an export task). */
export async function countTickets(ctx: Ctx, filter: WorkOrderFilter): Promise<number> {
  return countWorkOrders(ctx.db, filterWhere(filter, filterContext(ctx)));
}

/**
 * Writes the tickets of a filter as .xlsx to `out`: the import columns first (so an export
 * re-imports unchanged), then status and SLA columns. Caller data is masked: the export is for
 * analysis. Reads by keyset in chunks, waits for the target to drain and yields to the event loop
 * between chunks: on the embedded database a query resolves without a macrotask, and a full year
 * written in one go held the whole server for 77 s. `onRows` gets the running total.
 */
export async function writeTicketsXlsx(
  ctx: Ctx,
  filter: WorkOrderFilter,
  out: Writable,
  onRows: (rows: number) => void = () => {},
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = wb.addWorksheet("工单");
  sheet.columns = [
    ...TICKET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === "content" ? 50 : 18 })),
    { header: "状态", key: "status", width: 12 },
    { header: "承办单位", key: "unit", width: 28 },
    { header: "签收期限", key: "acceptDue", width: 20 },
    { header: "办理期限", key: "closeDue", width: 20 },
    { header: "办结时间", key: "closedAt", width: 20 },
    { header: "按时办结", key: "onTime", width: 10 },
    { header: "满意度", key: "satisfaction", width: 8 },
    { header: "督办级别", key: "supervision", width: 8 },
    { header: "来电人（脱敏）", key: "maskedName", width: 12 },
    { header: "联系电话（脱敏）", key: "maskedPhone", width: 16 },
  ];
  const where = filterWhere(filter, filterContext(ctx));
  let after = 0;
  let rows = 0;
  for (;;) {
    await yieldToEventLoop();
    const batch = await findWorkOrdersBatch(ctx.db, where, after, EXPORT_CHUNK);
    const names = await findUnitNames(
      ctx.db,
      ctx.actor.tenantId,
      batch.flatMap((r) => (r.unitId ? [r.unitId] : [])),
    );
    for (const r of batch) {
      after = r.seqNo;
      sheet
        .addRow({
          cityTicketNo: r.externalNo ?? String(r.seqNo),
          receivedAt: fmt(r.receivedAt),
          kind: ENUM_LABELS.kind?.[r.kind] ?? r.kind,
          category: ENUM_LABELS.category?.[r.category] ?? r.category,
          urgency: ENUM_LABELS.urgency?.[r.urgency] ?? r.urgency,
          channel: ENUM_LABELS.channel?.[r.channel] ?? r.channel,
          title: r.title,
          content: r.content,
          // Contacts stay out of the import columns; masked copies go at the end.
          callerName: "",
          callerPhone: "",
          maskedName: maskName(r.callerName) ?? "",
          maskedPhone: maskPhone(r.callerPhone) ?? "",
          address: r.address ?? "",
          campaignTags: r.campaignTags.join(","),
          status: WO_STATUS_LABELS[WoStatusSchema.parse(r.status)],
          unit: r.unitId ? (names.get(r.unitId) ?? "") : "",
          acceptDue: fmt(r.acceptDueAt),
          closeDue: fmt(r.closeDueAt),
          closedAt: fmt(r.closedAt),
          onTime: r.closedAt ? (r.closedAt <= r.closeDueAt ? "是" : "否") : "",
          satisfaction: r.satisfaction ?? "",
          supervision: r.supervisionLevel,
        })
        .commit();
    }
    rows += batch.length;
    onRows(rows);
    if (out.writableNeedDrain) {
      await once(out, "drain");
    }
    if (batch.length < EXPORT_CHUNK) {
      break;
    }
  }
  sheet.commit();
  await wb.commit();
  return rows;
}

/** Streams the tickets of a filter as .xlsx (the direct download; big ones go through an export task). */
export function exportTickets(ctx: Ctx, filter: WorkOrderFilter): PassThrough {
  const out = new PassThrough();
  writeTicketsXlsx(ctx, filter, out).catch((err: unknown) => {
    ctx.log.error({ err }, "export failed");
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}
