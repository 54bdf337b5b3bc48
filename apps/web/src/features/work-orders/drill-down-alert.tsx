import { Alert, Button, Space, Tag } from "antd";
import {
  WO_STATUS_LABELS,
  WoMetricKeySchema,
  WoStatusSchema,
} from "../../../../../packages/contracts/src/work-orders.ts";
import type { WoFilters } from "./work-order-filters.ts";
import { METRIC_LABELS } from "./work-order-labels.ts";

/** Filters that only links set (metric drill-downs); the form has no field for them. */
export const DRILL_KEYS = ["metric", "unitId", "campaign", "status"] as const;
type DrillKey = (typeof DRILL_KEYS)[number];

type Props = {
  filters: WoFilters;
  unitName: (id: string) => string | undefined;
  onRemove: (keys: DrillKey[]) => void;
};

function describe(key: DrillKey, value: string, unitName: Props["unitName"]): string {
  switch (key) {
    case "metric": {
      const m = WoMetricKeySchema.safeParse(value);
      return `指标：${m.success ? METRIC_LABELS[m.data] : value}`;
    }
    case "unitId":
      return `承办单位：${unitName(value) ?? value}`;
    case "campaign":
      return `专项：${value}`;
    case "status":
      return `状态：${value
        .split(",")
        .map((s) => {
          const st = WoStatusSchema.safeParse(s);
          return st.success ? WO_STATUS_LABELS[st.data] : s;
        })
        .join("、")}`;
  }
}

/** Shows what a link from the metrics narrowed the list to, each removable. */
export function DrillDownAlert({ filters, unitName, onRemove }: Props) {
  const active = DRILL_KEYS.flatMap((k) => {
    const v = filters[k];
    return v ? [{ key: k, text: describe(k, v, unitName) }] : [];
  });
  if (active.length === 0) {
    return null;
  }
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={
        <Space wrap size={[4, 4]}>
          <span>统计下钻：</span>
          {active.map((a) => (
            <Tag key={a.key} closable onClose={() => onRemove([a.key])} color="blue">
              {a.text}
            </Tag>
          ))}
        </Space>
      }
      action={
        <Button size="small" onClick={() => onRemove(active.map((a) => a.key))}>
          清除
        </Button>
      }
    />
  );
}
