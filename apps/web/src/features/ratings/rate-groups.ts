import type { RateGroup } from "../../../../../packages/contracts/src/evaluations.ts";
import { monthStart, nextMonth } from "../../shared/months.ts";

export const GROUP_OPTIONS: Array<{ value: Exclude<RateGroup, "none">; label: string; column: string }> = [
  { value: "unit", label: "按单位", column: "单位" },
  { value: "window", label: "按窗口", column: "窗口" },
  { value: "staff", label: "按人员", column: "工作人员" },
  { value: "item", label: "按事项", column: "事项编码" },
  { value: "month", label: "按月份", column: "月份" },
];

/** The list filters that a URL may carry: the group's own and the metric. */
export const FILTER_PARAMS = [
  "unitId",
  "windowName",
  "staffName",
  "itemCode",
  "from",
  "to",
  "metric",
  "appeal",
] as const;

/** The list filter that opens one group's ratings (a month is its Beijing-time range). */
export function groupFilter(groupBy: RateGroup, key: string | null): Record<string, string> {
  if (key === null) {
    return {};
  }
  switch (groupBy) {
    case "unit":
      return { unitId: key };
    case "window":
      return { windowName: key };
    case "staff":
      return { staffName: key };
    case "item":
      return { itemCode: key };
    case "month":
      return { from: monthStart(key), to: monthStart(nextMonth(key)) };
    default:
      return {};
  }
}
