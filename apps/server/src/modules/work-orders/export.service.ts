import { PassThrough } from "node:stream";
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
import { findWorkOrdersBatch } from "./work-orders.repo.ts";
import { filterWhere } from "./work-orders-filter.ts";

/** Beijing wall-clock time, as every time column of the export (the import reads it back as such). */
const fmt = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3600_000).toISOString().replace("T", " ").slice(0, 19) : "";

/**
 * Streams the tickets of a filter as .xlsx: the import columns first (so an export re-imports
 * unchanged), then status and SLA columns. Caller data is masked: the export is for analysis.
 */
export function exportTickets(ctx: Ctx, filter: WorkOrderFilter): PassThrough {
  const out = new PassThrough();
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
  const write = async () => {
    let after = 0;
    for (;;) {
      const batch = await findWorkOrdersBatch(ctx.db, where, after, 2000);
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
      if (batch.length < 2000) {
        break;
      }
    }
    sheet.commit();
    await wb.commit();
  };
  write().catch((err: unknown) => {
    ctx.log.error({ err }, "export failed");
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}
