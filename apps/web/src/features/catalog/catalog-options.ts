import {
  CATALOG_FLAGS,
  type CatalogFlag,
  EXERCISE_LEVEL_LABELS,
  ITEM_LEVEL_LABELS,
  ITEM_TYPE_LABELS,
  MATERIAL_SOURCE_LABELS,
} from "../../../../../packages/contracts/src/catalog.ts";

export const FLAG_LABELS: Record<CatalogFlag, string> = {
  materialsReduced: "已减材料",
  deferrable: "容缺受理",
  policyBenefit: "政策兑现",
  crossRegion: "跨域通办",
  bookableTown: "镇街可预约",
  bookableVillage: "村居可预约",
  onApplication: "依申请",
};

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export const TYPE_OPTIONS = options(ITEM_TYPE_LABELS);
export const LEVEL_OPTIONS = options(ITEM_LEVEL_LABELS);
export const EXERCISE_OPTIONS = options(EXERCISE_LEVEL_LABELS);
export const SOURCE_OPTIONS = options(MATERIAL_SOURCE_LABELS);
export const FLAG_OPTIONS = CATALOG_FLAGS.map((f) => ({ value: f, label: FLAG_LABELS[f] }));

/** The list filters kept in the URL, so a metric's drill-down link opens the same list. */
export const LIST_FILTERS = [
  "q",
  "departmentId",
  "type",
  "level",
  "exerciseLevel",
  "flag",
  "materialSource",
  "asOf",
] as const;
