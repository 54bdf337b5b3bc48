import { useQuery } from "@tanstack/react-query";
import { Badge, Space, Tabs } from "antd";
import { type QueueKey, serverFilter, type WoFilters } from "./work-order-filters.ts";
import { workOrderKeys, workOrdersApi } from "./work-orders-api.ts";

export const QUEUE_LABELS: Record<QueueKey, string> = {
  new: "待派单",
  due_soon: "即将到期",
  overdue: "已超期",
  awaiting_review: "待审核",
  awaiting_follow_up: "待回访",
  inbox: "本单位待办",
  supervised: "督办中",
  duplicates: "疑似重复",
  all: "全部工单",
};

// Queues where a non-zero count needs attention now.
const ALERT_QUEUES = new Set<QueueKey>(["overdue", "supervised"]);

type Props = {
  queues: QueueKey[];
  active: QueueKey;
  filters: WoFilters;
  /** The shown list's total, which is the active tab's count (undefined while it loads). */
  activeTotal: number | undefined;
  onChange: (queue: QueueKey) => void;
};

/**
 * One tab per work queue with its total under the current filters (pageSize=1). 全部工单 is not a queue
 * to work off: counting it would count every ticket on each visit, so it shows a count only while it is
 * the list on screen, taken from that list.
 */
export function QueueTabs({ queues, active, filters, activeTotal, onChange }: Props) {
  const counted = queues.filter((q) => q !== "all");
  // Under the work-order keys, so every action taken on the page refreshes the counts too.
  const { data } = useQuery({
    queryKey: workOrderKeys.queueCounts(counted, filters),
    queryFn: async ({ signal }) => {
      const totals = await Promise.all(
        counted.map((q) =>
          workOrdersApi.list({ ...serverFilter(q, filters), page: 1, pageSize: 1 }, signal).then((r) => r.total),
        ),
      );
      return new Map(counted.map((q, i) => [q, totals[i] ?? 0]));
    },
  });

  return (
    <Tabs
      activeKey={active}
      onChange={(k) => {
        const q = queues.find((x) => x === k);
        if (q) {
          onChange(q);
        }
      }}
      items={queues.map((q) => {
        const count = q === "all" ? (active === "all" ? activeTotal : undefined) : data?.get(q);
        return {
          key: q,
          label: (
            <Space size={6}>
              {QUEUE_LABELS[q]}
              {count !== undefined && (
                <Badge
                  count={count}
                  showZero
                  overflowCount={9999}
                  color={ALERT_QUEUES.has(q) && count > 0 ? "red" : "#8c8c8c"}
                />
              )}
            </Space>
          ),
        };
      })}
      style={{ marginBottom: 0 }}
    />
  );
}
