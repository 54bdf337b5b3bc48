import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { type CityTicketInput, CityTicketInputSchema } from "../../../../../packages/contracts/src/work-orders.ts";
import type { Ctx } from "../../platform/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { cellText } from "../../platform/spreadsheet.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { findOrgTree } from "../org/org.service.ts";
import { createWorkOrder, ticketHash, toNewTicket } from "./intake.service.ts";
import { ENUM_COLUMNS, TICKET_COLUMNS } from "./spreadsheet-columns.ts";
import { findWorkOrderByExternalNo } from "./work-orders.repo.ts";

export type ImportError = { row: number; field: string; message: string };
export type ImportResult = { dryRun: boolean; rows: number; created: number; existing: number; errors: ImportError[] };

const MAX_ROWS = 50_000;

async function readSheet(body: Buffer, format: "xlsx" | "csv"): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  try {
    if (format === "xlsx") {
      await wb.xlsx.load(body as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      if (!sheet) {
        throw new Error("no sheet");
      }
      return sheet;
    }
    return await wb.csv.read(Readable.from(body.toString("utf8").replace(/^\uFEFF/, "")));
  } catch {
    throw new AppError(
      "validation",
      format === "xlsx" ? "无法读取 Excel 文件（仅支持 .xlsx，不支持 .xls）" : "无法读取 CSV 文件",
      [{ path: "file", message: "文件格式不正确" }],
    );
  }
}

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/;

/** A time without a zone ("2022-01-01 13:01", as our export writes) is Beijing time. */
function beijingInstant(text: string): string | undefined {
  const m = LOCAL_TIME.exec(text);
  return m ? `${m[1]}T${m[2]}${m[3] ?? ":00"}+08:00` : undefined;
}

/**
 * Imports the city platform's ticket export (.xlsx or UTF-8 .csv), all or nothing: every row is
 * checked first and any error (with its row number) stops the whole import. Rows whose ticket
 * number is already registered with the same content are counted as existing, not duplicated.
 */
export async function importTickets(
  ctx: Ctx,
  body: Buffer,
  format: "xlsx" | "csv",
  dryRun: boolean,
): Promise<ImportResult> {
  const sheet = await readSheet(body, format);
  const header = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, col) => {
    const col0 = TICKET_COLUMNS.find((c) => c.header === cellText(cell.value) || c.key === cellText(cell.value));
    if (col0) {
      header.set(col, col0.key);
    }
  });
  const missing = TICKET_COLUMNS.filter(
    (c) =>
      ["cityTicketNo", "receivedAt", "category", "title", "content"].includes(c.key) &&
      ![...header.values()].includes(c.key),
  );
  if (missing.length > 0) {
    throw new AppError(
      "validation",
      `缺少必需的列：${missing.map((c) => c.header).join("、")}`,
      missing.map((c) => ({ path: c.header, message: "缺少此列" })),
    );
  }
  if (sheet.rowCount - 1 > MAX_ROWS) {
    throw new AppError("validation", `一次最多导入 ${MAX_ROWS} 行`, [{ path: "file", message: "行数过多" }]);
  }
  const codes = new Set((await findOrgTree(ctx)).flatMap((u) => (u.code ? [u.code] : [])));
  const errors: ImportError[] = [];
  const tickets: Array<{ row: number; input: CityTicketInput }> = [];
  const seen = new Map<string, number>();
  const label = (key: string) => TICKET_COLUMNS.find((c) => c.key === key)?.header ?? key;
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) {
      return;
    }
    const raw: Record<string, unknown> = {};
    for (const [col, key] of header) {
      const text = cellText(row.getCell(col).value);
      if (text === "") {
        continue;
      }
      const mapped = ENUM_COLUMNS[key]?.get(text) ?? (key === "receivedAt" ? beijingInstant(text) : undefined);
      raw[key] =
        key === "campaignTags"
          ? text
              .split(/[,，、]/)
              .map((s) => s.trim())
              .filter(Boolean)
          : (mapped ?? text);
    }
    const parsed = CityTicketInputSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ row: rowNumber, field: label(String(issue.path[0] ?? "")), message: issue.message });
      }
      return;
    }
    const t = parsed.data;
    for (const [key, code] of [
      ["townCode", t.townCode],
      ["communityCode", t.communityCode],
    ] as const) {
      if (code && !codes.has(code)) {
        errors.push({ row: rowNumber, field: label(key), message: `代码 ${code} 不属于本区` });
      }
    }
    const dup = seen.get(t.cityTicketNo);
    if (dup) {
      errors.push({ row: rowNumber, field: label("cityTicketNo"), message: `与第 ${dup} 行的工单编号重复` });
    }
    seen.set(t.cityTicketNo, rowNumber);
    tickets.push({ row: rowNumber, input: t });
  });
  let existing = 0;
  for (const { row, input } of tickets) {
    const found = await findWorkOrderByExternalNo(ctx.db, ctx.actor.tenantId, input.cityTicketNo);
    if (found && found.payloadHash !== ticketHash(toNewTicket(input))) {
      errors.push({ row, field: label("cityTicketNo"), message: "该工单编号已登记，且内容与本行不同" });
    } else if (found) {
      existing += 1;
    }
  }
  const rows =
    tickets.length + new Set(errors.filter((e) => !tickets.some((t) => t.row === e.row)).map((e) => e.row)).size;
  const result: ImportResult = { dryRun, rows, created: 0, existing, errors };
  if (errors.length > 0) {
    return result;
  }
  if (dryRun) {
    return { ...result, created: tickets.length - existing };
  }
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    for (const { row, input } of tickets) {
      try {
        const r = await createWorkOrder(txCtx, toNewTicket(input));
        result.created += r.created ? 1 : 0;
      } catch (err) {
        const message = err instanceof AppError ? err.message : "写入失败";
        throw new AppError("validation", `第 ${row} 行：${message}，整批未导入`, [
          { row, field: label("cityTicketNo"), message },
        ]);
      }
    }
    await recordAudit(txCtx, {
      action: "work_order.import",
      entityType: "work_order",
      summary: { rows: tickets.length, created: result.created, existing },
    });
  });
  return result;
}
