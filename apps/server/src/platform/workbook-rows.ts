import ExcelJS from "exceljs";
import { AppError } from "./errors.ts";
import { cellText } from "./spreadsheet.ts";

/*
 * The two-sheet import/export workbooks (事项目录, 数据资源目录) read and written the same way:
 * a header row naming the columns, one record a row, every problem named by sheet, row and column.
 */

/** A problem in an imported workbook; row 1 is the header row. */
export type SheetIssue = { sheet: string; row: number; column: string; message: string };

/** A data row: its number in the sheet and its cells read by column header ("" when the column is absent). */
export type SheetRow = { row: number; cell: (header: string) => string };

/** What reading needs of a column: its header and whether the sheet must carry it. */
type SheetColumn = { header: string; required?: boolean };

/**
 * Loads an uploaded workbook.
 * @throws validation when the file is not .xlsx (an old .xls included)
 */
export async function loadWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new AppError("validation", "无法读取 Excel 文件（仅支持 .xlsx，不支持 .xls）", [
      { path: "file", message: "文件格式不正确" },
    ]);
  }
  return wb;
}

/**
 * Loads an uploaded workbook and its two sheets.
 * @throws validation when the file is not .xlsx or a sheet is missing (the first missing one is named)
 */
export async function loadSheetPair(
  body: Buffer,
  first: string,
  second: string,
): Promise<[ExcelJS.Worksheet, ExcelJS.Worksheet]> {
  const wb = await loadWorkbook(body);
  const a = wb.getWorksheet(first);
  const b = wb.getWorksheet(second);
  if (!a || !b) {
    throw new AppError("validation", `缺少工作表“${a ? second : first}”`, [{ path: "file", message: "缺少工作表" }]);
  }
  return [a, b];
}

/**
 * The sheet's non-empty data rows (a row with none of the columns filled is skipped); a required column
 * missing from the header row is reported as an issue on row 1. `text` reads a cell's value.
 */
export function sheetRows(
  sheet: ExcelJS.Worksheet,
  columns: ReadonlyArray<SheetColumn>,
  errors: SheetIssue[],
  text: (v: ExcelJS.CellValue) => string = (v) => cellText(v).trim(),
): SheetRow[] {
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    header.set(text(cell.value), col);
  });
  for (const c of columns) {
    if (c.required && !header.has(c.header)) {
      errors.push({ sheet: sheet.name, row: 1, column: c.header, message: "缺少此列" });
    }
  }
  const rows: SheetRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) {
      return;
    }
    const cell = (h: string) => {
      const col = header.get(h);
      return col === undefined ? "" : text(row.getCell(col).value);
    };
    if (columns.some((c) => cell(c.header) !== "")) {
      rows.push({ row: n, cell });
    }
  });
  return rows;
}

/** Groups units by name, so a sheet's unit names can be resolved and a name shared by two detected. */
export function unitsByName<U extends { name: string }>(units: readonly U[]): Map<string, U[]> {
  const byName = new Map<string, U[]>();
  for (const u of units) {
    byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  }
  return byName;
}

/** The exported workbook as a file: every sheet's header row bold, its columns a readable width. */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  for (const sheet of wb.worksheets) {
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((c) => {
      c.width = 18;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
