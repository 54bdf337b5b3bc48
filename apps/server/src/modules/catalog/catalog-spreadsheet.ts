import ExcelJS from "exceljs";
import {
  type CatalogImportResult,
  type ItemInput,
  ItemInputSchema,
} from "../../../../../packages/contracts/src/catalog.ts";
import type { Ctx } from "../../platform/actor.ts";
import { loadSheetPair, sheetRows, unitsByName, workbookBuffer } from "../../platform/workbook-rows.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { findOrgTree } from "../org/org.service.ts";
import { versionToInput } from "./catalog.mapper.ts";
import { canEditItem, canViewItem, catalogReadPaths } from "./catalog.policy.ts";
import { findCurrentVersions, findMaterials } from "./catalog.repo.ts";
import { ITEM_COLUMNS, ITEM_SHEET, MATERIAL_COLUMNS, MATERIAL_SHEET, readCell, writeCell } from "./catalog-columns.ts";
import { diffItem } from "./catalog-diff.ts";
import { findAllVersions } from "./catalog-list.repo.ts";
import { hierarchyIssue, type PendingVersion, writeVersions } from "./catalog-write.ts";

type Issue = CatalogImportResult["errors"][number];
type Unit = { id: string; path: string; name: string };
type Parsed = { row: number; input: ItemInput; unit: Unit };

/** Parses the workbook into item inputs; every problem is reported with its sheet, row and column. */
export async function parseCatalogWorkbook(body: Buffer, units: readonly Unit[]) {
  const [is, ms] = await loadSheetPair(body, ITEM_SHEET, MATERIAL_SHEET);
  const errors: Issue[] = [];
  const byName = unitsByName(units);
  const items = new Map<
    string,
    { row: number; raw: Record<string, unknown>; unit?: Unit; bad: boolean; materialRows: number[] }
  >();
  for (const { row, cell } of sheetRows(is, ITEM_COLUMNS, errors)) {
    const raw: Record<string, unknown> = { materials: [] };
    let bad = false;
    let unit: Unit | undefined;
    for (const col of ITEM_COLUMNS) {
      const text = cell(col.header);
      const read = readCell(col, text);
      if ("error" in read) {
        errors.push({ sheet: is.name, row, column: col.header, message: read.error });
        bad = true;
      } else if (col.kind === "department") {
        const found = byName.get(text) ?? [];
        if (found.length !== 1) {
          const message = found.length === 0 ? `部门“${text}”不存在或不在您的管辖范围内` : `部门名称“${text}”不唯一`;
          errors.push({ sheet: is.name, row, column: col.header, message });
          bad = true;
        } else {
          unit = found[0];
          raw[col.field] = unit?.id;
        }
      } else {
        raw[col.field] = read.value;
      }
    }
    const code = String(raw.code ?? "");
    const dup = items.get(code);
    if (code && dup) {
      errors.push({ sheet: is.name, row, column: "事项编码", message: `与第 ${dup.row} 行的事项编码重复` });
      continue;
    }
    items.set(code, { row, raw, unit, bad, materialRows: [] });
  }
  for (const { row, cell } of sheetRows(ms, MATERIAL_COLUMNS, errors)) {
    const item = items.get(cell("事项编码"));
    if (!item) {
      errors.push({
        sheet: ms.name,
        row,
        column: "事项编码",
        message: `事项 ${cell("事项编码")} 不在“${ITEM_SHEET}”表中`,
      });
      continue;
    }
    const raw: Record<string, unknown> = {};
    for (const col of MATERIAL_COLUMNS.slice(1)) {
      const read = readCell(col, cell(col.header));
      if ("error" in read) {
        errors.push({ sheet: ms.name, row, column: col.header, message: read.error });
        item.bad = true;
      } else {
        raw[col.field] = read.value;
      }
    }
    (item.raw.materials as unknown[]).push(raw);
    item.materialRows.push(row);
  }
  const parsed: Parsed[] = [];
  for (const item of items.values()) {
    if (item.bad || !item.unit) {
      continue;
    }
    const result = ItemInputSchema.safeParse(item.raw);
    if (result.success) {
      parsed.push({ row: item.row, input: result.data, unit: item.unit });
      continue;
    }
    for (const issue of result.error.issues) {
      const [head, index, field] = issue.path;
      if (head === "materials" && typeof index === "number") {
        const column = MATERIAL_COLUMNS.find((c) => c.field === field)?.header ?? "材料";
        errors.push({ sheet: ms.name, row: item.materialRows[index] ?? item.row, column, message: issue.message });
      } else {
        const column = ITEM_COLUMNS.find((c) => c.field === head)?.header ?? String(head ?? "");
        errors.push({ sheet: is.name, row: item.row, column, message: issue.message });
      }
    }
  }
  return { parsed, errors };
}

/**
 * Creates or updates the workbook's items (by code), all or nothing: one error and nothing
 * is written; a dry run only reports. An unchanged row writes no version, so export → import is a
 * no-op. Items absent from the workbook are left as they are.
 */
export async function importCatalog(ctx: Ctx, body: Buffer, dryRun: boolean): Promise<CatalogImportResult> {
  const units = (await findOrgTree(ctx)).filter((u) =>
    canViewItem(ctx.actor, { tenantId: u.tenantId, scopePath: u.path }),
  );
  const { parsed, errors } = await parseCatalogWorkbook(body, units);
  const codes = parsed.map((p) => p.input.code);
  const parentCodes = parsed.flatMap((p) => (p.input.parentCode ? [p.input.parentCode] : []));
  const current = new Map(
    (await findCurrentVersions(ctx.db, ctx.actor.tenantId, [...new Set([...codes, ...parentCodes])])).map((v) => [
      v.code,
      v,
    ]),
  );
  const materials = await findMaterials(
    ctx.db,
    [...current.values()].map((v) => v.id),
  );
  const inFile = new Map(parsed.map((p) => [p.input.code, p.input]));
  const pending: PendingVersion[] = [];
  let unchanged = 0;
  for (const p of parsed) {
    const before = current.get(p.input.code);
    const issue = (column: string, message: string) => errors.push({ sheet: ITEM_SHEET, row: p.row, column, message });
    if (!canEditItem(ctx.actor, { tenantId: ctx.actor.tenantId, scopePath: p.unit.path })) {
      issue("主管部门", "您无权维护该部门的事项");
      continue;
    }
    if (before && !canEditItem(ctx.actor, before)) {
      issue("事项编码", "该编码已被您无权维护的事项使用");
      continue;
    }
    const parentInput = p.input.parentCode ? inFile.get(p.input.parentCode) : undefined;
    const parentStored = p.input.parentCode ? current.get(p.input.parentCode) : undefined;
    const parent = parentInput ? { level: parentInput.level, withdrawn: false } : parentStored;
    const hierarchy = hierarchyIssue(p.input, parent);
    if (hierarchy) {
      issue("上级事项编码", hierarchy.message);
      continue;
    }
    const old = before ? versionToInput(before, materials.get(before.id) ?? []) : null;
    const changes = diffItem(old, p.input);
    if (before && !before.withdrawn && changes.length === 0) {
      unchanged += 1;
      continue;
    }
    pending.push({ input: p.input, previous: before, scopePath: p.unit.path, changes, action: "import" });
  }
  errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === ITEM_SHEET ? -1 : 1));
  const result: CatalogImportResult = {
    dryRun,
    items: parsed.length,
    materials: parsed.reduce((s, p) => s + p.input.materials.length, 0),
    created: pending.filter((p) => !p.previous).length,
    changed: pending.filter((p) => p.previous).length,
    unchanged,
    errors,
  };
  if (dryRun || errors.length > 0 || pending.length === 0) {
    return result;
  }
  await ctx.db.transaction(async (tx) => {
    await writeVersions(ctx, tx, pending);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "catalog.import",
        entityType: "catalog_item",
        entityId: null,
        scopePath: null,
        summary: {
          created: result.created,
          changed: result.changed,
          unchanged,
          codes: pending.slice(0, 200).map((p) => p.input.code),
        },
      },
    );
  });
  return result;
}

/** The catalog in scope (as of a date when given) in the import's own format. */
export async function exportCatalog(ctx: Ctx, asOf?: string): Promise<Buffer> {
  const versions = await findAllVersions(ctx.db, ctx.actor.tenantId, catalogReadPaths(ctx.actor), asOf);
  const materials = await findMaterials(
    ctx.db,
    versions.map((v) => v.id),
  );
  const names = new Map((await findOrgTree(ctx)).map((u) => [u.id, u.name]));
  const wb = new ExcelJS.Workbook();
  const is = wb.addWorksheet(ITEM_SHEET);
  const ms = wb.addWorksheet(MATERIAL_SHEET);
  is.addRow(ITEM_COLUMNS.map((c) => c.header));
  ms.addRow(MATERIAL_COLUMNS.map((c) => c.header));
  const department = (id: string) => names.get(id) ?? id;
  for (const v of versions) {
    const input = versionToInput(v, materials.get(v.id) ?? []);
    is.addRow(ITEM_COLUMNS.map((c) => writeCell(c, input[c.field], department)));
    for (const m of input.materials) {
      const values: Record<string, unknown> = { ...m, itemCode: input.code };
      ms.addRow(MATERIAL_COLUMNS.map((c) => writeCell(c, values[c.field], department)));
    }
  }
  return workbookBuffer(wb);
}
