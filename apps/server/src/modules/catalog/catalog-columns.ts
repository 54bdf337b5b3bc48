import {
  CROSS_REGION_LABELS,
  EXERCISE_LEVEL_LABELS,
  ITEM_LEVEL_LABELS,
  ITEM_TYPE_LABELS,
  type ItemInput,
  MATERIAL_KIND_LABELS,
  MATERIAL_SOURCE_LABELS,
  type MaterialInput,
  ONLINE_DEPTH_LABELS,
} from "../../../../../packages/contracts/src/catalog.ts";

/** The two sheets of the catalog workbook: one row per item, one row per material. */
export const ITEM_SHEET = "事项";
export const MATERIAL_SHEET = "材料";

type ItemField = Exclude<keyof ItemInput, "materials">;
type MaterialField = keyof MaterialInput;
type Kind = "text" | "int" | "bool" | "enum" | "scopes" | "department";

export type Column<F> = { header: string; field: F; kind: Kind; labels?: Record<string, string>; required?: boolean };

export const ITEM_COLUMNS: ReadonlyArray<Column<ItemField>> = [
  { header: "事项编码", field: "code", kind: "text", required: true },
  { header: "事项名称", field: "name", kind: "text", required: true },
  { header: "事项层级", field: "level", kind: "enum", labels: ITEM_LEVEL_LABELS, required: true },
  { header: "上级事项编码", field: "parentCode", kind: "text" },
  { header: "事项类型", field: "type", kind: "enum", labels: ITEM_TYPE_LABELS, required: true },
  { header: "主管部门", field: "departmentId", kind: "department", required: true },
  { header: "实施主体", field: "implementingBody", kind: "text", required: true },
  { header: "设定依据", field: "legalBasis", kind: "text", required: true },
  { header: "行使层级", field: "exerciseLevel", kind: "enum", labels: EXERCISE_LEVEL_LABELS, required: true },
  { header: "法定办结时限（工作日）", field: "statutoryLimitDays", kind: "int", required: true },
  { header: "承诺办结时限（工作日）", field: "promisedLimitDays", kind: "int", required: true },
  { header: "办理地点", field: "place", kind: "text" },
  { header: "收费标准", field: "fees", kind: "text" },
  { header: "办理结果", field: "result", kind: "text" },
  { header: "跑动次数", field: "visitsRequired", kind: "int", required: true },
  { header: "网办深度", field: "onlineDepth", kind: "enum", labels: ONLINE_DEPTH_LABELS, required: true },
  { header: "依申请事项", field: "onApplication", kind: "bool", required: true },
  { header: "已减材料", field: "materialsReduced", kind: "bool", required: true },
  { header: "镇街大厅可预约", field: "bookableTown", kind: "bool", required: true },
  { header: "村居站点可预约", field: "bookableVillage", kind: "bool", required: true },
  { header: "容缺受理清单", field: "deferrable", kind: "bool", required: true },
  { header: "政策兑现事项", field: "policyBenefit", kind: "bool", required: true },
  { header: "跨域通办", field: "crossRegionScopes", kind: "scopes", labels: CROSS_REGION_LABELS },
  { header: "关键词", field: "keywords", kind: "text" },
];

export const MATERIAL_COLUMNS: ReadonlyArray<Column<MaterialField | "itemCode">> = [
  { header: "事项编码", field: "itemCode", kind: "text", required: true },
  { header: "材料名称", field: "name", kind: "text", required: true },
  { header: "材料形式", field: "kind", kind: "enum", labels: MATERIAL_KIND_LABELS, required: true },
  { header: "份数", field: "copies", kind: "int", required: true },
  { header: "材料来源", field: "source", kind: "enum", labels: MATERIAL_SOURCE_LABELS, required: true },
  { header: "共享数据来源", field: "exemptDataSource", kind: "text" },
  { header: "必要材料", field: "required", kind: "bool", required: true },
  { header: "可容缺", field: "deferrable", kind: "bool", required: true },
  { header: "信任等级", field: "trustLevel", kind: "text", required: true },
  { header: "空白表格/样表", field: "template", kind: "text" },
  { header: "材料依据", field: "basis", kind: "text" },
];

export const YES = "是";
export const NO = "否";

export type CellResult = { value: unknown } | { error: string };

/** Reads one cell by its column kind; department names are resolved by the caller. */
export function readCell<F>(col: Column<F>, raw: string): CellResult {
  if (raw === "") {
    if (col.required) {
      return { error: "不能为空" };
    }
    if (col.kind === "scopes") {
      return { value: [] };
    }
    return { value: col.field === "parentCode" || col.field === "exemptDataSource" ? null : "" };
  }
  switch (col.kind) {
    case "int": {
      if (!/^-?\d+$/.test(raw)) {
        return { error: `“${raw}”不是整数` };
      }
      return { value: Number(raw) };
    }
    case "bool":
      if (raw !== YES && raw !== NO) {
        return { error: `须填“${YES}”或“${NO}”` };
      }
      return { value: raw === YES };
    case "enum": {
      const entry = Object.entries(col.labels ?? {}).find(([, label]) => label === raw);
      if (!entry) {
        return { error: `须为 ${Object.values(col.labels ?? {}).join("、")} 之一` };
      }
      return { value: entry[0] };
    }
    case "scopes": {
      const parts = raw.split(/[、,，\s]+/).filter((p) => p !== "");
      const keys = parts.map((p) => Object.entries(col.labels ?? {}).find(([, label]) => label === p)?.[0]);
      if (keys.some((k) => k === undefined)) {
        return { error: `须为 ${Object.values(col.labels ?? {}).join("、")} 中的一项或几项，用“、”分隔` };
      }
      return { value: keys };
    }
    default:
      return { value: raw };
  }
}

/** Writes one cell in the form `readCell` reads back. */
export function writeCell<F>(col: Column<F>, value: unknown, departmentName: (id: string) => string): string | number {
  if (value === null || value === undefined) {
    return "";
  }
  switch (col.kind) {
    case "int":
      return Number(value);
    case "bool":
      return value ? YES : NO;
    case "enum":
      return col.labels?.[String(value)] ?? String(value);
    case "scopes":
      return Array.isArray(value) ? value.map((s) => col.labels?.[String(s)] ?? String(s)).join("、") : "";
    case "department":
      return departmentName(String(value));
    default:
      return String(value);
  }
}
