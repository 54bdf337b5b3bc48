import type ExcelJS from "exceljs";
import {
  type BudgetImportResult,
  FINAL_ACCOUNT_FIELDS,
  FINAL_ACCOUNT_LABELS,
  type FinalAccountField,
  wanToFen,
} from "../../../../../packages/contracts/src/budget.ts";
import { cellText } from "../../platform/spreadsheet.ts";

/**
 * The optional third sheet: the 决算 statement's totals (one row each, amount in 万元, empty when
 * not entered). A workbook without it leaves the year's statement as it is.
 */
export const FINAL_SHEET = "决算报表";
const COLUMNS = ["项目", "金额（万元）"] as const;
const byLabel = new Map(Object.entries(FINAL_ACCOUNT_LABELS).map(([k, v]) => [v, k as FinalAccountField]));

export type FinalAccounts = Record<FinalAccountField, number | null>;
type Issue = BudgetImportResult["errors"][number];

/** The statement the sheet states, or null when the workbook has no such sheet. */
export function readFinalSheet(wb: ExcelJS.Workbook, errors: Issue[]): FinalAccounts | null {
  const sheet = wb.getWorksheet(FINAL_SHEET);
  if (!sheet) {
    return null;
  }
  const out = Object.fromEntries(FINAL_ACCOUNT_FIELDS.map((f) => [f, null])) as FinalAccounts;
  sheet.eachRow((row, n) => {
    if (n === 1) {
      return;
    }
    const label = cellText(row.getCell(1).value).trim();
    const amount = cellText(row.getCell(2).value).trim();
    if (label === "" && amount === "") {
      return;
    }
    const field = byLabel.get(label);
    if (!field) {
      errors.push({
        sheet: FINAL_SHEET,
        row: n,
        field: COLUMNS[0],
        message: `须为 ${FINAL_ACCOUNT_FIELDS.map((f) => FINAL_ACCOUNT_LABELS[f]).join("、")} 之一`,
      });
      return;
    }
    const fen = amount === "" ? null : wanToFen(amount);
    if (amount !== "" && (fen === null || fen < 0)) {
      errors.push({
        sheet: FINAL_SHEET,
        row: n,
        field: COLUMNS[1],
        message: "须为不小于 0 的金额（万元），或留空表示未填报",
      });
      return;
    }
    out[field] = fen;
  });
  return out;
}

/** Writes the year's statement in the import's own format. */
export function writeFinalSheet(wb: ExcelJS.Workbook, values: FinalAccounts, wan: (fen: number) => string): void {
  const sheet = wb.addWorksheet(FINAL_SHEET);
  sheet.addRow([...COLUMNS]);
  for (const f of FINAL_ACCOUNT_FIELDS) {
    const v = values[f];
    sheet.addRow([FINAL_ACCOUNT_LABELS[f], v === null ? "" : wan(v)]);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => {
    c.width = 18;
  });
}
