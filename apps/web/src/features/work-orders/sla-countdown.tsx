import { Card, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import type { WorkOrder } from "../../../../../packages/contracts/src/work-orders.ts";
import { formatDateTime } from "../../shared/format.ts";
import { formatClock, overdueHours, useNow } from "./use-now.ts";

const WARN_MS = 24 * 3600_000;

type ClockProps = { label: string; dueAt: string; doneAt: string | null; doneLabel: string; stopped: boolean };

/** One deadline: a ticking countdown while open, the outcome once done. */
function DeadlineClock({ label, dueAt, doneAt, doneLabel, stopped }: ClockProps) {
  const now = useNow(1000);
  const due = dayjs(dueAt);
  let body: ReactNode;
  if (doneAt) {
    const late = dayjs(doneAt).isAfter(due);
    body = (
      <Space>
        <Tag color={late ? "volcano" : "success"}>{late ? `超期${doneLabel}` : `按时${doneLabel}`}</Tag>
        <Typography.Text type="secondary">{formatDateTime(doneAt)}</Typography.Text>
      </Space>
    );
  } else if (stopped) {
    body = <Typography.Text type="secondary">—</Typography.Text>;
  } else {
    const left = due.valueOf() - now;
    body =
      left < 0 ? (
        <Typography.Text type="danger" strong style={{ fontSize: 18 }}>
          已超期 {overdueHours(left)} 小时
          {overdueHours(left) >= 48 && `（约 ${Math.floor(overdueHours(left) / 24)} 天）`}
        </Typography.Text>
      ) : (
        <Typography.Text strong style={{ fontSize: 18, color: left < WARN_MS ? "#fa8c16" : "#389e0d" }}>
          剩余 {formatClock(left)}
        </Typography.Text>
      );
  }
  return (
    <div role="timer" aria-label={label} style={{ minWidth: 220 }}>
      <Typography.Text type="secondary">
        {label}（{formatDateTime(dueAt)}）
      </Typography.Text>
      <div style={{ marginTop: 4 }}>{body}</div>
    </div>
  );
}

/** 签收期限 and 办结期限 side by side, ticking every second. */
export function SlaCountdown({ workOrder }: { workOrder: WorkOrder }) {
  // A merged duplicate's clock no longer runs; its master carries the deadline.
  const stopped = workOrder.status === "merged";
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Space size={48} wrap>
        <DeadlineClock
          label="签收期限"
          dueAt={workOrder.acceptDueAt}
          doneAt={workOrder.acceptedAt}
          doneLabel="签收"
          stopped={stopped}
        />
        <DeadlineClock
          label="办结期限"
          dueAt={workOrder.closeDueAt}
          doneAt={workOrder.closedAt}
          doneLabel="办结"
          stopped={stopped}
        />
        {workOrder.extensionCount > 0 && <Tag color="gold">已延期 {workOrder.extensionCount} 次</Tag>}
        {workOrder.redoCount > 0 && <Tag color="volcano">重办 {workOrder.redoCount} 次</Tag>}
      </Space>
    </Card>
  );
}
