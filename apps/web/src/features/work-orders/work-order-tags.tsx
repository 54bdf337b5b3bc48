import { Tag, Tooltip } from "antd";
import dayjs from "dayjs";
import {
  SUPERVISION_LABELS,
  WO_STATUS_LABELS,
  type WorkOrder,
  type WoStatus,
} from "../../../../../packages/contracts/src/work-orders.ts";
import { formatDateTime } from "../../shared/format.ts";
import { formatSpan } from "./use-now.ts";
import { STATUS_COLORS, SUPERVISION_COLORS } from "./work-order-labels.ts";

export function StatusTag({ status }: { status: WoStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{WO_STATUS_LABELS[status]}</Tag>;
}

export function SupervisionTag({ level }: { level: number }) {
  if (level <= 0) {
    return null;
  }
  return <Tag color={SUPERVISION_COLORS[level] ?? "red"}>{SUPERVISION_LABELS[level] ?? `督办${level}级`}</Tag>;
}

type DueProps = { workOrder: Pick<WorkOrder, "dueState" | "closeDueAt" | "closedAt">; now: number };

/**
 * The close deadline as a countdown. The server's dueState says whether the ticket is finished
 * and where "due soon" starts; the remaining time is recomputed locally so it keeps moving.
 */
export function DueTag({ workOrder, now }: DueProps) {
  const due = dayjs(workOrder.closeDueAt);
  const tip = `办结期限 ${formatDateTime(workOrder.closeDueAt)}`;
  if (workOrder.dueState === "done") {
    const late = workOrder.closedAt !== null && dayjs(workOrder.closedAt).isAfter(due);
    return (
      <Tooltip title={tip}>
        <Tag color={late ? "volcano" : "default"}>{late ? "超期办结" : "已完成"}</Tag>
      </Tooltip>
    );
  }
  const left = due.valueOf() - now;
  if (left < 0) {
    return (
      <Tooltip title={tip}>
        <Tag color="red">已超期 {formatSpan(left)}</Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={tip}>
      <Tag color={workOrder.dueState === "due_soon" ? "orange" : "green"}>剩余 {formatSpan(left)}</Tag>
    </Tooltip>
  );
}
