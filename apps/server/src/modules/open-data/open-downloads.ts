import ExcelJS from "exceljs";
import type { Db } from "../../platform/db/client.ts";
import { AppError, forbidden } from "../../platform/errors.ts";
import { findTenantByCode } from "../tenants/tenants.repo.ts";
import { loadOpenDatasets, loadOpenRows } from "./open-catalog.repo.ts";
import { DOWNLOADS } from "./open-dataset.ts";

/** A download holds at most this many rows; the data service serves larger resources by page. */
export const DOWNLOAD_MAX_ROWS = 200_000;

type Ext = (typeof DOWNLOADS)[number]["ext"];
type Cell = string | number | boolean | null;

const csvCell = (v: Cell) => {
  const s = v === null ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * One open dataset as a file: its open fields only (personal-data fields are never in the open
 * catalog), 无条件开放 only (有条件开放 is applied for: 403 with the reason), unknown or 不予开放 → 404.
 */
export async function openDownload(db: Db, tenantCode: string, code: string, ext: Ext) {
  const tenant = await findTenantByCode(db, tenantCode);
  const d = tenant ? (await loadOpenDatasets(db, tenant.id)).find((x) => x.code === code) : undefined;
  if (!d) {
    throw new AppError("not_found", "该数据集不存在或未开放");
  }
  if (d.openType !== "unconditional") {
    throw forbidden("该数据集为有条件开放，下载须向提供单位申请，经同意后开通");
  }
  const fields = d.fields.map((f) => f.name);
  const rows = (await loadOpenRows(db, d.id, fields, DOWNLOAD_MAX_ROWS)) as Record<string, Cell>[];
  const type = DOWNLOADS.find((x) => x.ext === ext)?.mediaType ?? "application/octet-stream";
  const filename = `${d.code}-${d.title}.${ext}`;
  if (ext === "json") {
    return { type, filename, body: Buffer.from(JSON.stringify({ dataset: d.code, title: d.title, fields, rows })) };
  }
  if (ext === "csv") {
    const lines = [
      fields.map(csvCell).join(","),
      ...rows.map((r) => fields.map((f) => csvCell(r[f] ?? null)).join(",")),
    ];
    // The BOM makes Excel open the file as UTF-8, as bureau staff will.
    return { type: `${type}; charset=utf-8`, filename, body: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`) };
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(d.title.slice(0, 31));
  sheet.addRow(fields).font = { bold: true };
  for (const r of rows) {
    sheet.addRow(fields.map((f) => r[f] ?? null));
  }
  return { type, filename, body: Buffer.from(await book.xlsx.writeBuffer()) };
}
