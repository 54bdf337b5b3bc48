import ExcelJS from "exceljs";
import {
  FIELD_TYPE_LABELS,
  OPEN_TYPE_LABELS,
  RESOURCE_CLASS_LABELS,
  RESOURCE_FORMAT_LABELS,
  type ResourceInput,
  ResourceInputSchema,
  SHARE_TYPE_LABELS,
  UPDATE_CYCLE_LABELS,
} from "../../../../../packages/contracts/src/data-sharing.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Ctx } from "../../platform/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { cellText } from "../../platform/spreadsheet.ts";
import {
  loadSheetPair,
  type SheetIssue,
  sheetRows,
  unitsByName,
  workbookBuffer,
} from "../../platform/workbook-rows.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { type Column, readCell, writeCell } from "../catalog/catalog-columns.ts";
import { findOrgUnitsInScope } from "../org/org.repo.ts";
import { canManageDataAt, VIEW_DATA } from "./data-sharing.policy.ts";
import { findResourceByCode, listResources, type ResourceRow } from "./resources.repo.ts";
import { createResource, resourceDiff, updateResourceFor } from "./resources.service.ts";
import { forgetServedGrants } from "./served-grants.ts";

/** The 数据资源目录 workbook, in the 事项目录's conventions: one sheet of resources, one of their 信息项. */
export const RESOURCE_SHEET = "信息资源";
export const FIELD_SHEET = "信息项";

type Field = ResourceInput["fields"][number];
const CODE_HEADER = "资源代码";
// The field types' labels are long ("字符型 C"): the sheet shows the letter, as the national standard does.
const FIELD_TYPES = Object.fromEntries(Object.keys(FIELD_TYPE_LABELS).map((k) => [k, k]));

const RESOURCE_COLUMNS: ReadonlyArray<Column<keyof ResourceInput>> = [
  { header: CODE_HEADER, field: "code", kind: "text", required: true },
  { header: "资源名称", field: "name", kind: "text", required: true },
  { header: "提供方", field: "providerUnitId", kind: "department", required: true },
  { header: "资源分类", field: "classification", kind: "enum", labels: RESOURCE_CLASS_LABELS, required: true },
  { header: "资源子类", field: "subclass", kind: "text", required: true },
  { header: "资源格式", field: "format", kind: "enum", labels: RESOURCE_FORMAT_LABELS, required: true },
  { header: "共享类型", field: "shareType", kind: "enum", labels: SHARE_TYPE_LABELS, required: true },
  { header: "共享条件", field: "shareCondition", kind: "text" },
  { header: "共享方式", field: "shareMethod", kind: "text", required: true },
  { header: "开放类型", field: "openType", kind: "enum", labels: OPEN_TYPE_LABELS, required: true },
  { header: "更新周期", field: "updateCycle", kind: "enum", labels: UPDATE_CYCLE_LABELS, required: true },
  { header: "发布日期", field: "publishedOn", kind: "text", required: true },
  { header: "摘要", field: "summary", kind: "text" },
];

const FIELD_COLUMNS: ReadonlyArray<Column<keyof Field | "resourceCode">> = [
  { header: CODE_HEADER, field: "resourceCode", kind: "text", required: true },
  { header: "信息项名称", field: "name", kind: "text", required: true },
  { header: "数据类型", field: "type", kind: "enum", labels: FIELD_TYPES, required: true },
  { header: "长度", field: "length", kind: "int", required: true },
  { header: "必填", field: "required", kind: "bool", required: true },
  { header: "关键项", field: "key", kind: "bool", required: true },
  { header: "个人信息", field: "personal", kind: "bool", required: true },
  { header: "代码表", field: "codeList", kind: "text" },
  // Optional: a workbook exported before the column existed still imports (empty = 否).
  { header: "查询条件", field: "query", kind: "bool" },
];

type Unit = { id: string; path: string; name: string };
type Parsed = { row: number; input: ResourceInput };

/** A cell's text; a date Excel made of a typed day is read back as that day. */
const text = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : cellText(v).trim());

/** Parses the workbook into resource inputs; every problem is named by its sheet, row and column. */
async function parseWorkbook(body: Buffer, units: readonly Unit[]) {
  const [rs, fs] = await loadSheetPair(body, RESOURCE_SHEET, FIELD_SHEET);
  const errors: SheetIssue[] = [];
  const byName = unitsByName(units);
  const items = new Map<string, { row: number; raw: Record<string, unknown>; bad: boolean; fieldRows: number[] }>();
  for (const { row, cell } of sheetRows(rs, RESOURCE_COLUMNS, errors, text)) {
    const raw: Record<string, unknown> = { fields: [] };
    let bad = false;
    for (const col of RESOURCE_COLUMNS) {
      const value = cell(col.header);
      const read = readCell(col, value);
      if ("error" in read) {
        errors.push({ sheet: rs.name, row, column: col.header, message: read.error });
        bad = true;
      } else if (col.kind === "department") {
        const found = byName.get(value) ?? [];
        if (found.length !== 1) {
          const message = found.length === 0 ? `单位“${value}”不存在` : `单位名称“${value}”不唯一`;
          errors.push({ sheet: rs.name, row, column: col.header, message });
          bad = true;
        } else {
          raw[col.field] = found[0]?.id;
        }
      } else {
        raw[col.field] = read.value;
      }
    }
    const code = String(raw.code ?? "");
    const dup = items.get(code);
    if (code && dup) {
      errors.push({ sheet: rs.name, row, column: CODE_HEADER, message: `与第 ${dup.row} 行的资源代码重复` });
      continue;
    }
    items.set(code, { row, raw, bad, fieldRows: [] });
  }
  for (const { row, cell } of sheetRows(fs, FIELD_COLUMNS, errors, text)) {
    const item = items.get(cell(CODE_HEADER));
    if (!item) {
      const message = `资源 ${cell(CODE_HEADER)} 不在“${RESOURCE_SHEET}”表中`;
      errors.push({ sheet: fs.name, row, column: CODE_HEADER, message });
      continue;
    }
    const raw: Record<string, unknown> = {};
    for (const col of FIELD_COLUMNS.slice(1)) {
      const read = readCell(col, cell(col.header));
      if ("error" in read) {
        errors.push({ sheet: fs.name, row, column: col.header, message: read.error });
        item.bad = true;
      } else if (col.field === "codeList") {
        const parts = String(read.value)
          .split("、")
          .map((p) => p.trim());
        raw.codeList = read.value === "" ? null : parts;
      } else if (col.kind === "bool" && read.value === "") {
        raw[col.field] = false;
      } else {
        raw[col.field] = read.value;
      }
    }
    (item.raw.fields as unknown[]).push(raw);
    item.fieldRows.push(row);
  }
  const parsed: Parsed[] = [];
  for (const item of items.values()) {
    if (item.bad) {
      continue;
    }
    const result = ResourceInputSchema.safeParse(item.raw);
    if (result.success) {
      parsed.push({ row: item.row, input: result.data });
      continue;
    }
    for (const issue of result.error.issues) {
      const [head, index, field] = issue.path;
      if (head === "fields" && typeof index === "number") {
        const column = FIELD_COLUMNS.find((c) => c.field === field)?.header ?? "信息项";
        errors.push({ sheet: fs.name, row: item.fieldRows[index] ?? item.row, column, message: issue.message });
      } else {
        const column = RESOURCE_COLUMNS.find((c) => c.field === head)?.header ?? String(head ?? "");
        errors.push({ sheet: rs.name, row: item.row, column, message: issue.message });
      }
    }
  }
  return { parsed, errors };
}

type Pending = { input: ResourceInput; before: ResourceRow | undefined };

/**
 * Creates or updates the workbook's resources (by code) with a version and an audit entry each, all
 * or nothing: one bad cell and nothing is written (422 listing every cell). An unchanged row writes
 * nothing, so export → import is a no-op. Resources absent from the workbook stay as they are.
 * A dry run checks everything the same way and writes nothing.
 * @throws validation (unreadable file), unprocessable (bad cells)
 */
export async function importResources(ctx: Ctx, body: Buffer, dryRun = false) {
  const units = await findOrgUnitsInScope(ctx.db, ctx.actor.tenantId, ["/"]);
  const { parsed, errors } = await parseWorkbook(body, units);
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const pending: Pending[] = [];
  let unchanged = 0;
  for (const p of parsed) {
    const before = await findResourceByCode(ctx.db, ctx.actor.tenantId, p.input.code);
    const { code: _code, ...update } = p.input;
    if (before && Object.keys(resourceDiff(before, update)).length === 0) {
      unchanged += 1;
      continue;
    }
    const issue = (column: string, message: string) =>
      errors.push({ sheet: RESOURCE_SHEET, row: p.row, column, message });
    if (before && !canManageDataAt(ctx.actor, before.scopePath)) {
      issue(CODE_HEADER, "该资源代码已被您无权维护的资源使用");
    } else if (!canManageDataAt(ctx.actor, pathOf.get(p.input.providerUnitId) ?? "")) {
      issue("提供方", "您无权为该单位编目");
    } else {
      pending.push({ input: p.input, before });
    }
  }
  if (errors.length > 0) {
    errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === RESOURCE_SHEET ? -1 : 1));
    const head = errors.slice(0, 5).map((e) => `${e.sheet}表第 ${e.row} 行“${e.column}”：${e.message}`);
    throw new AppError(
      "unprocessable",
      `导入未执行（共 ${errors.length} 处错误，未写入任何内容）：${head.join("；")}${errors.length > 5 ? "……" : ""}`,
      errors.slice(0, 1000),
    );
  }
  const result = {
    dryRun,
    resources: parsed.length,
    fields: parsed.reduce((s, p) => s + p.input.fields.length, 0),
    created: pending.filter((p) => !p.before).length,
    changed: pending.filter((p) => p.before).length,
    unchanged,
  };
  if (dryRun || pending.length === 0) {
    return result;
  }
  await ctx.db.transaction(async (tx) => {
    // Each resource through its own service (version + audit); nested, so one failure undoes all.
    const inTx = { ...ctx, db: tx };
    for (const p of pending) {
      if (p.before) {
        const { code, ...update } = p.input;
        await updateResourceFor(inTx, code, update);
      } else {
        await createResource(inTx, p.input);
      }
    }
    await recordAudit(
      { db: tx, actor: ctx.actor, clock: ctx.clock, requestId: ctx.requestId },
      {
        action: "data_resource.import",
        entityType: "data_resource",
        entityId: null,
        scopePath: null,
        summary: { ...result, codes: pending.slice(0, 200).map((p) => p.input.code) },
      },
    );
  });
  forgetServedGrants();
  return result;
}

/** The resources the actor sees (own subtree and shared to it), in the import's own format. */
export async function exportResources(ctx: Ctx): Promise<Buffer> {
  const { items } = await listResources(
    ctx.db,
    ctx.actor.tenantId,
    scopeFor(ctx.actor, VIEW_DATA),
    {},
    {
      offset: 0,
      limit: 100_000,
    },
  );
  const units = await findOrgUnitsInScope(ctx.db, ctx.actor.tenantId, ["/"]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const wb = new ExcelJS.Workbook();
  const rs = wb.addWorksheet(RESOURCE_SHEET);
  const fs = wb.addWorksheet(FIELD_SHEET);
  rs.addRow(RESOURCE_COLUMNS.map((c) => c.header));
  fs.addRow(FIELD_COLUMNS.map((c) => c.header));
  const unitName = (id: string) => names.get(id) ?? id;
  for (const { resource: r } of items) {
    const values: Record<string, unknown> = { ...r };
    rs.addRow(RESOURCE_COLUMNS.map((c) => writeCell(c, values[c.field], unitName)));
    for (const f of r.fields) {
      const row: Record<string, unknown> = { ...f, resourceCode: r.code, codeList: f.codeList?.join("、") ?? "" };
      fs.addRow(FIELD_COLUMNS.map((c) => writeCell(c, row[c.field], unitName)));
    }
  }
  return workbookBuffer(wb);
}
