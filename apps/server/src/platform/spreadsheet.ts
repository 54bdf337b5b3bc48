import type ExcelJS from "exceljs";

/** A cell's text whatever Excel stored in it (rich text, hyperlink, formula result, date). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) {
    return "";
  }
  if (v instanceof Date) {
    return v.toISOString();
  }
  if (typeof v === "object") {
    if ("richText" in v) {
      return v.richText.map((r) => r.text).join("");
    }
    if ("text" in v && typeof v.text === "string") {
      return v.text;
    }
    if ("result" in v) {
      return String(v.result ?? "");
    }
    return "";
  }
  return String(v).trim();
}
