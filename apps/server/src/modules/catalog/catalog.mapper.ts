import { randomUUID } from "node:crypto";
import {
  CrossRegionScopeSchema,
  ExerciseLevelSchema,
  type Item,
  type ItemInput,
  ItemLevelSchema,
  type ItemSummary,
  ItemTypeSchema,
  type Material,
  type MaterialInput,
  MaterialKindSchema,
  MaterialSourceSchema,
  OnlineDepthSchema,
  TrustLevelSchema,
} from "../../../../../packages/contracts/src/catalog.ts";
import type { ItemVersionRow, MaterialRow, NewItemVersionRow, NewMaterialRow } from "./catalog.repo.ts";

/** The comparable, editable form of a stored version (what an edit or an import row is diffed against). */
export function versionToInput(v: ItemVersionRow, materials: readonly MaterialRow[]): ItemInput {
  return {
    code: v.code,
    name: v.name,
    level: ItemLevelSchema.parse(v.level),
    parentCode: v.parentCode,
    type: ItemTypeSchema.parse(v.itemType),
    departmentId: v.departmentId,
    implementingBody: v.implementingBody,
    legalBasis: v.legalBasis,
    exerciseLevel: ExerciseLevelSchema.parse(v.exerciseLevel),
    statutoryLimitDays: v.statutoryLimitDays,
    promisedLimitDays: v.promisedLimitDays,
    place: v.place,
    fees: v.fees,
    result: v.result,
    visitsRequired: v.visitsRequired,
    onlineDepth: OnlineDepthSchema.parse(v.onlineDepth),
    onApplication: v.onApplication,
    materialsReduced: v.materialsReduced,
    bookableTown: v.bookableTown,
    bookableVillage: v.bookableVillage,
    deferrable: v.isDeferrable,
    policyBenefit: v.policyBenefit,
    crossRegionScopes: v.crossRegionScopes.map((s) => CrossRegionScopeSchema.parse(s)),
    keywords: v.keywords,
    materials: materials.map(materialToInput),
  };
}

function materialToInput(m: MaterialRow): MaterialInput {
  return {
    name: m.name,
    kind: MaterialKindSchema.parse(m.kind),
    copies: m.copies,
    source: MaterialSourceSchema.parse(m.source),
    exemptDataSource: m.exemptDataSource,
    required: m.isRequired,
    deferrable: m.isDeferrable,
    trustLevel: TrustLevelSchema.parse(m.trustLevel),
    template: m.template,
    basis: m.basis,
  };
}

export function toMaterialDto(m: MaterialRow): Material {
  return { id: m.id, ...materialToInput(m) };
}

/** What the public search matches: name, code, keywords and every material's name. */
export function searchTextOf(input: ItemInput): string {
  return [input.name, input.code, input.keywords, ...input.materials.map((m) => m.name)].join(" ").toLowerCase();
}

type VersionMeta = {
  tenantId: string;
  itemId: string;
  version: number;
  validFrom: Date;
  action: "create" | "update" | "withdraw" | "import";
  changedBy: string;
  changes: unknown;
  withdrawn: boolean;
  scopePath: string;
};

/** The rows of a new version: the item's columns and its materials, each with fresh ids. */
export function newVersionRows(
  input: ItemInput,
  meta: VersionMeta,
): { version: NewItemVersionRow; materials: NewMaterialRow[] } {
  const id = randomUUID();
  return {
    version: {
      id,
      tenantId: meta.tenantId,
      itemId: meta.itemId,
      version: meta.version,
      validFrom: meta.validFrom,
      validTo: null,
      action: meta.action,
      changedBy: meta.changedBy,
      changes: meta.changes,
      withdrawn: meta.withdrawn,
      code: input.code,
      name: input.name,
      level: input.level,
      parentCode: input.parentCode,
      itemType: input.type,
      departmentId: input.departmentId,
      scopePath: meta.scopePath,
      implementingBody: input.implementingBody,
      legalBasis: input.legalBasis,
      exerciseLevel: input.exerciseLevel,
      statutoryLimitDays: input.statutoryLimitDays,
      promisedLimitDays: input.promisedLimitDays,
      place: input.place,
      fees: input.fees,
      result: input.result,
      visitsRequired: input.visitsRequired,
      onlineDepth: input.onlineDepth,
      onApplication: input.onApplication,
      materialsReduced: input.materialsReduced,
      bookableTown: input.bookableTown,
      bookableVillage: input.bookableVillage,
      isDeferrable: input.deferrable,
      policyBenefit: input.policyBenefit,
      crossRegionScopes: [...input.crossRegionScopes],
      keywords: input.keywords,
      searchText: searchTextOf(input),
    },
    materials: input.materials.map((m, sort) => ({
      id: randomUUID(),
      tenantId: meta.tenantId,
      itemVersionId: id,
      sort,
      name: m.name,
      kind: m.kind,
      copies: m.copies,
      source: m.source,
      exemptDataSource: m.exemptDataSource,
      isRequired: m.required,
      isDeferrable: m.deferrable,
      trustLevel: m.trustLevel,
      template: m.template,
      basis: m.basis,
    })),
  };
}

export function toItemDto(
  v: ItemVersionRow,
  materials: readonly MaterialRow[],
  extra: { departmentName: string; policyCases: number; canEdit: boolean },
): Item {
  const { materials: _inputs, ...fields } = versionToInput(v, materials);
  return {
    ...fields,
    id: v.itemId,
    departmentName: extra.departmentName,
    version: v.version,
    validFrom: v.validFrom.toISOString(),
    validTo: v.validTo ? v.validTo.toISOString() : null,
    withdrawn: v.withdrawn,
    changedBy: v.changedBy,
    materials: materials.map(toMaterialDto),
    policyCases: extra.policyCases,
    canEdit: extra.canEdit,
  };
}

export function toItemSummary(
  v: ItemVersionRow,
  extra: { departmentName: string; materialCount: number; exemptCount: number },
): ItemSummary {
  const { materials: _none, ...fields } = versionToInput(v, []);
  return {
    ...fields,
    id: v.itemId,
    departmentName: extra.departmentName,
    version: v.version,
    validFrom: v.validFrom.toISOString(),
    materialCount: extra.materialCount,
    exemptCount: extra.exemptCount,
  };
}
