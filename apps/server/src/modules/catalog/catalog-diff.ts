import {
  CROSS_REGION_LABELS,
  EXERCISE_LEVEL_LABELS,
  type FieldChange,
  ITEM_LEVEL_LABELS,
  ITEM_TYPE_LABELS,
  type ItemInput,
  MATERIAL_KIND_LABELS,
  MATERIAL_SOURCE_LABELS,
  type MaterialInput,
  ONLINE_DEPTH_LABELS,
} from "../../../../../packages/contracts/src/catalog.ts";

type ScalarField = Exclude<keyof ItemInput, "materials">;

/** Chinese labels of the item's fields, in the order a change list shows them. */
export const ITEM_FIELD_LABELS: Record<ScalarField, string> = {
  code: "事项编码",
  name: "事项名称",
  level: "事项层级",
  parentCode: "上级事项编码",
  type: "事项类型",
  departmentId: "主管部门",
  implementingBody: "实施主体",
  legalBasis: "设定依据",
  exerciseLevel: "行使层级",
  statutoryLimitDays: "法定办结时限（工作日）",
  promisedLimitDays: "承诺办结时限（工作日）",
  place: "办理地点",
  fees: "收费标准",
  result: "办理结果",
  visitsRequired: "跑动次数",
  onlineDepth: "网办深度",
  onApplication: "依申请事项",
  materialsReduced: "已减材料",
  bookableTown: "镇街大厅可预约",
  bookableVillage: "村居站点可预约",
  deferrable: "容缺受理清单",
  policyBenefit: "政策兑现事项",
  crossRegionScopes: "跨域通办",
  keywords: "关键词",
};

const yesNo = (b: boolean) => (b ? "是" : "否");

function show(field: ScalarField, value: ItemInput[ScalarField], names: ReadonlyMap<string, string>): string {
  if (value === null) {
    return "";
  }
  if (typeof value === "boolean") {
    return yesNo(value);
  }
  if (Array.isArray(value)) {
    return value.map((s) => CROSS_REGION_LABELS[s]).join("、");
  }
  switch (field) {
    case "level":
      return ITEM_LEVEL_LABELS[value as ItemInput["level"]];
    case "type":
      return ITEM_TYPE_LABELS[value as ItemInput["type"]];
    case "exerciseLevel":
      return EXERCISE_LEVEL_LABELS[value as ItemInput["exerciseLevel"]];
    case "onlineDepth":
      return ONLINE_DEPTH_LABELS[value as ItemInput["onlineDepth"]];
    case "departmentId":
      return names.get(String(value)) ?? String(value);
    default:
      return String(value);
  }
}

/** One line describing a material, so a change in any of its elements shows. */
export function describeMaterial(m: MaterialInput): string {
  const parts = [
    MATERIAL_KIND_LABELS[m.kind],
    `${m.copies}份`,
    MATERIAL_SOURCE_LABELS[m.source],
    m.exemptDataSource ? `数据来源：${m.exemptDataSource}` : "",
    m.required ? "必要" : "次要",
    m.deferrable ? "可容缺" : "",
    `信任等级${m.trustLevel}`,
    m.template ? `样表：${m.template}` : "",
    m.basis ? `依据：${m.basis}` : "",
  ];
  return parts.filter((p) => p !== "").join("，");
}

/**
 * What changed between two states of an item, field by field; materials are matched by name
 * (added, removed, or changed in any element). An empty list means the edit changes nothing.
 */
export function diffItem(
  before: ItemInput | null,
  after: ItemInput,
  names: ReadonlyMap<string, string> = new Map(),
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, label] of Object.entries(ITEM_FIELD_LABELS) as Array<[ScalarField, string]>) {
    const b = before ? show(field, before[field], names) : "";
    const a = show(field, after[field], names);
    if (before === null ? a !== "" : JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changes.push({ field, label, before: b, after: a });
    }
  }
  const old = new Map((before?.materials ?? []).map((m) => [m.name, m]));
  const now = new Map(after.materials.map((m) => [m.name, m]));
  for (const [name, m] of now) {
    const prev = old.get(name);
    const line = describeMaterial(m);
    if (!prev) {
      changes.push({ field: `materials.${name}`, label: `材料“${name}”`, before: "", after: line });
    } else if (describeMaterial(prev) !== line) {
      changes.push({ field: `materials.${name}`, label: `材料“${name}”`, before: describeMaterial(prev), after: line });
    }
  }
  for (const [name, m] of old) {
    if (!now.has(name)) {
      changes.push({ field: `materials.${name}`, label: `材料“${name}”`, before: describeMaterial(m), after: "" });
    }
  }
  const order = (list: ItemInput["materials"]) => list.map((m) => m.name).join("\n");
  if (
    before &&
    changes.every((c) => !c.field.startsWith("materials.")) &&
    order(before.materials) !== order(after.materials)
  ) {
    changes.push({
      field: "materials",
      label: "材料顺序",
      before: before.materials.map((m) => m.name).join("、"),
      after: after.materials.map((m) => m.name).join("、"),
    });
  }
  return changes;
}
