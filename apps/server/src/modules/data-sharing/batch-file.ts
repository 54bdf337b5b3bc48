import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { ResourceField } from "../../../../../packages/contracts/src/data-sharing.ts";
import type { Cell, DataRow } from "../../../../../packages/contracts/src/data-sharing-batches.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import { cellText } from "../../platform/spreadsheet.ts";

/** A data file's rows keyed by 信息项 name, and each row's number as Excel shows it (header = 1). */
export type ParsedFile = { rows: DataRow[]; rowNumbers: number[] };

const ZIP_MAGIC = "PK\u0003\u0004";

/** XLSX is a zip archive: sniffed from the bytes, so a wrong or generic content type still works. */
export const isXlsx = (body: Buffer) => body.subarray(0, 4).toString("latin1") === ZIP_MAGIC;

function refuse(message: string, issues: FieldIssue[]): never {
  throw new AppError("validation", message, issues);
}

/**
 * The header row against the resource's 信息项: every column must be a 信息项 (once), and every
 * required or key 信息项 must have its column; an optional one may be left out (stored empty).
 */
export function checkHeader(fields: readonly ResourceField[], header: readonly string[]): void {
  const names = new Set(fields.map((f) => f.name));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (h === "") {
      issues.push({ path: `header.${i + 1}`, message: `第 ${i + 1} 列表头为空` });
    } else if (!names.has(h)) {
      issues.push({ path: `header.${h}`, message: `未知列“${h}”：不是该资源登记的信息项` });
    } else if (seen.has(h)) {
      issues.push({ path: `header.${h}`, message: `列“${h}”重复` });
    }
    seen.add(h);
  });
  for (const f of fields) {
    if ((f.required || f.key) && !seen.has(f.name)) {
      issues.push({ path: `header.${f.name}`, message: `缺少列“${f.name}”（${f.key ? "关键信息项" : "必填信息项"}）` });
    }
  }
  if (issues.length > 0) {
    refuse(`表头与信息项不符，整个文件未接收：${issues.map((i) => i.message).join("；")}`, issues);
  }
}

/** Splits CSV text (RFC 4180: quotes, doubled quotes, CRLF or LF) into records of cells. */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let cell: string;
    if (text.charCodeAt(i) === 34) {
      // Quoted: read to the closing quote, "" being one quote.
      let out = "";
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          refuse("CSV 文件格式不正确：引号未闭合", [{ path: "file", message: "引号未闭合" }]);
        }
        out += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          out += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      cell = out;
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === 44 || c === 10 || c === 13) {
          break;
        }
        end++;
      }
      cell = text.slice(i, end);
      i = end;
    }
    cells.push(cell);
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      if (i === n) {
        cells.push("");
      }
      continue;
    }
    // End of record (or of text).
    records.push(cells);
    cells = [];
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
  }
  // Trailing empty lines are not rows.
  while (records.length > 0 && records[records.length - 1]?.every((c) => c === "")) {
    records.pop();
  }
  return records;
}

function decodeUtf8(body: Buffer): string {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return refuse("文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”", [
      { path: "file", message: "编码不是 UTF-8" },
    ]);
  }
}

/** Cells beyond the header have no 信息项: kept under a name the row check refuses as unknown. */
const extraColumn = (i: number) => `第${i + 1}列（无表头）`;

export function parseCsv(fields: readonly ResourceField[], body: Buffer): ParsedFile {
  const records = csvRecords(decodeUtf8(body));
  const header = (records[0] ?? []).map((h) => h.trim());
  if (header.length === 0) {
    refuse("文件为空：第 1 行应为信息项名称", [{ path: "file", message: "文件为空" }]);
  }
  checkHeader(fields, header);
  const rows: DataRow[] = [];
  const rowNumbers: number[] = [];
  for (let r = 1; r < records.length; r++) {
    const cells = records[r] ?? [];
    const row: DataRow = {};
    for (let c = 0; c < cells.length; c++) {
      row[header[c] ?? extraColumn(c)] = cells[c] ?? "";
    }
    rows.push(row);
    rowNumbers.push(r + 1);
  }
  return { rows, rowNumbers };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** An Excel cell as the row check expects it for the 信息项's type (Excel stores numbers and dates natively). */
function excelCell(f: ResourceField | undefined, v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) {
    return null;
  }
  if (v instanceof Date) {
    return f?.type === "D" ? day(v) : v.toISOString();
  }
  if (typeof v === "number") {
    return f?.type === "C" ? String(v) : v;
  }
  if (typeof v === "boolean") {
    return v;
  }
  if (typeof v === "object" && "result" in v && v.result instanceof Date) {
    return excelCell(f, v.result);
  }
  return cellText(v);
}

/** The first worksheet, read as a stream (a large file is never held as a whole workbook). */
export async function parseXlsx(fields: readonly ResourceField[], body: Buffer): Promise<ParsedFile> {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([body]), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  let header: string[] | null = null;
  const rows: DataRow[] = [];
  const rowNumbers: number[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        if (!header) {
          header = values.slice(1).map((v) => cellText(v ?? null).trim());
          checkHeader(fields, header);
          continue;
        }
        const data: DataRow = {};
        let any = false;
        for (let c = 1; c < values.length; c++) {
          const name = header[c - 1] ?? extraColumn(c - 1);
          const cell = excelCell(byName.get(name), values[c] ?? null);
          any ||= cell !== null && cell !== "";
          data[name] = cell;
        }
        if (any) {
          rows.push(data);
          rowNumbers.push(row.number);
        }
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof AppError) {
      throw e;
    }
    refuse("无法读取 Excel 文件（仅支持 .xlsx，不支持 .xls）", [{ path: "file", message: "文件格式不正确" }]);
  }
  if (!header) {
    refuse("文件为空：第 1 行应为信息项名称", [{ path: "file", message: "文件为空" }]);
  }
  return { rows, rowNumbers };
}
