import { createHash } from "node:crypto";
import { isRealDay } from "../../../../../packages/contracts/src/common.ts";
import type { ResourceField } from "../../../../../packages/contracts/src/data-sharing.ts";
import type { Cell, DataRow, RowIssue } from "../../../../../packages/contracts/src/data-sharing-batches.ts";
import { canonicalJson } from "../audit/audit-hash.ts";

export type StoredValue = string | number | boolean | null;
export type CheckedRow = { key: string; data: Record<string, StoredValue> };

/** sha256 of the rows as canonical JSON (keys sorted): the same rows always give the same checksum. */
export function rowsChecksum(rows: readonly DataRow[]): string {
  return createHash("sha256").update(canonicalJson(rows)).digest("hex");
}

const NUMBER = /^-?\d+(\.\d+)?$/;

// Dates repeat across a file's rows: each distinct text is validated once per batch.
type DayCache = Map<string, boolean>;
const realDay = (days: DayCache, s: string) => {
  let ok = days.get(s);
  if (ok === undefined) {
    ok = /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDay(s);
    days.set(s, ok);
  }
  return ok;
};

/** A 信息项 prepared for many rows: its code list as a set. */
type FieldCheck = { f: ResourceField; codes: Set<string> | null; days: DayCache };

/** One cell against its 信息项: the stored value, or why it is refused (in Chinese). */
function checkCell({ f, codes, days }: FieldCheck, raw: Cell | undefined): { value: StoredValue } | { error: string } {
  const empty = raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
  if (empty) {
    return f.required ? { error: "必填项为空" } : { value: null };
  }
  switch (f.type) {
    case "C": {
      if (typeof raw !== "string") {
        return { error: "应为字符型" };
      }
      // UTF-16 units are never fewer than characters: count characters only when the units exceed.
      if (raw.length > f.length && [...raw].length > f.length) {
        return { error: `长度 ${[...raw].length} 超过 ${f.length}` };
      }
      if (codes && !codes.has(raw)) {
        return { error: `“${raw}”不在代码表内（${f.codeList?.slice(0, 10).join("、")}）` };
      }
      return { value: raw };
    }
    case "N": {
      const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
      if (!NUMBER.test(text) || !Number.isFinite(Number(text))) {
        return { error: "应为数值型" };
      }
      if (text.replace(/[-.]/g, "").length > f.length) {
        return { error: `位数超过 ${f.length}` };
      }
      return { value: Number(text) };
    }
    case "D":
      return typeof raw === "string" && realDay(days, raw) ? { value: raw } : { error: "应为日期型 YYYY-MM-DD" };
    case "T":
      return typeof raw === "string" && /^\d{4}-\d{2}-\d{2}T/.test(raw) && !Number.isNaN(Date.parse(raw))
        ? { value: new Date(raw).toISOString() }
        : { error: "应为带时区的日期时间（ISO 8601）" };
    case "L":
      if (typeof raw === "boolean") {
        return { value: raw };
      }
      return raw === "是" || raw === "true"
        ? { value: true }
        : raw === "否" || raw === "false"
          ? { value: false }
          : { error: "应为逻辑型（是/否）" };
  }
}

export type BadRow = { row: number; errors: Array<{ column: string; message: string }> };

/** How many quarantined rows a batch lists (all are counted): a file of bad rows must not make a batch as large. */
export const QUARANTINE_LISTED = 1000;

const DUPLICATE = "重复";
/** A row refused because its key repeats an earlier row's (the quality report counts these). */
export const isDuplicateKey = (b: BadRow) => b.errors.some((e) => e.message.endsWith(DUPLICATE));

/**
 * Checks rows against the 信息项 (type, length, required, code list, unknown columns) and the key's
 * uniqueness within the batch, one slice of the batch at a time (the checker remembers the keys seen
 * in earlier slices), so a large file's rows can be checked while the previous slice is being stored.
 * Row numbers are 1-based, as a provider counts its lines; a file's rows are numbered as the provider
 * sees them in Excel (`rowNumbers`; the header is row 1). `offset` is the slice's first row in the batch.
 */
export function rowChecker(fields: readonly ResourceField[]) {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const days: DayCache = new Map();
  const checks: FieldCheck[] = fields.map((f) => ({ f, codes: f.codeList ? new Set(f.codeList) : null, days }));
  const keyFields = fields.filter((f) => f.key);
  const seenKeys = new Map<string, number>();
  return (rows: readonly DataRow[], rowNumbers?: readonly number[], offset = 0) => {
    const good: CheckedRow[] = [];
    const bad: BadRow[] = [];
    rows.forEach((raw, i) => {
      const n = rowNumbers?.[offset + i] ?? offset + i + 1;
      const errors: Array<{ column: string; message: string }> = [];
      for (const column in raw) {
        if (!byName.has(column)) {
          errors.push({ column, message: "不是该资源登记的信息项" });
        }
      }
      const data: Record<string, StoredValue> = {};
      for (const c of checks) {
        const checked = checkCell(c, raw[c.f.name]);
        if ("error" in checked) {
          errors.push({ column: c.f.name, message: checked.error });
        } else {
          data[c.f.name] = checked.value;
        }
      }
      const key =
        keyFields.length > 0
          ? keyFields.map((f) => String(data[f.name] ?? "")).join("\u001f")
          : createHash("sha256").update(canonicalJson(data)).digest("hex");
      const first = seenKeys.get(key);
      if (errors.length === 0 && first !== undefined) {
        errors.push({
          column: keyFields.map((f) => f.name).join("+") || "整行",
          message: `关键信息项与第 ${first} 行${DUPLICATE}`,
        });
      }
      if (errors.length > 0) {
        bad.push({ row: n, errors });
        return;
      }
      seenKeys.set(key, n);
      good.push({ key, data });
    });
    return { good, bad };
  };
}

/** Every row of a batch at once (see `rowChecker`). */
export function checkRows(fields: readonly ResourceField[], rows: readonly DataRow[], rowNumbers?: readonly number[]) {
  return rowChecker(fields)(rows, rowNumbers);
}

/** The name of the resource's 查询条件 信息项, whose value is kept beside each row as its facet. */
export const queryFieldOf = (fields: readonly ResourceField[]): string | null =>
  fields.find((f) => f.query)?.name ?? null;

/** A row's facet: its 查询条件 value as text (what the data service compares a filter with). */
export function facetOf(queryField: string | null, data: Readonly<Record<string, StoredValue>>): string | null {
  const v = queryField ? data[queryField] : null;
  return v === null || v === undefined ? null : String(v);
}

/** The refusal's details: one issue per bad cell, with its row, its column and the reason. */
export function rowIssues(bad: readonly BadRow[]): RowIssue[] {
  return bad.flatMap((b) =>
    b.errors.map((e) => ({ row: b.row, column: e.column, message: `第 ${b.row} 行“${e.column}”：${e.message}` })),
  );
}
