import { Card, Empty, Space, Tag, Timeline, Typography } from "antd";
import {
  WO_STATUS_LABELS,
  type WorkOrderDetail,
  WoStatusSchema,
} from "../../../../../packages/contracts/src/work-orders.ts";
import { formatDateTime } from "../../shared/format.ts";

type WoEvent = WorkOrderDetail["events"][number];

const ACTION_COLORS: Record<string, string> = {
  reject_reply: "red",
  request_return: "orange",
  approve_return: "orange",
  supervise: "red",
  merge: "gray",
  follow_up: "green",
  approve_reply: "green",
};

function statusLabel(s: string): string {
  const parsed = WoStatusSchema.safeParse(s);
  return parsed.success ? WO_STATUS_LABELS[parsed.data] : s;
}

function EventContent({ event }: { event: WoEvent }) {
  const who = [event.actorName, event.unitName].filter(Boolean).join(" · ");
  return (
    <div>
      <Space size={8} wrap>
        <Typography.Text strong>{event.actionLabel}</Typography.Text>
        {event.fromStatus !== event.toStatus && <Tag>{statusLabel(event.toStatus)}</Tag>}
        <Typography.Text type="secondary">{formatDateTime(event.at)}</Typography.Text>
      </Space>
      {who && (
        <div>
          <Typography.Text type="secondary">{who}</Typography.Text>
        </div>
      )}
      {event.reason && <Typography.Paragraph style={{ margin: "4px 0 0" }}>{event.reason}</Typography.Paragraph>}
    </div>
  );
}

/** The ticket's events in order: action, status reached, who, which unit, when and why. */
export function WorkOrderTimeline({ events }: { events: WoEvent[] }) {
  return (
    <Card title="办理过程" style={{ marginBottom: 16 }}>
      <section aria-label="办理时间线">
        {events.length === 0 ? (
          <Empty description="暂无记录" />
        ) : (
          <Timeline
            items={events.map((e) => ({
              key: e.seq,
              color: ACTION_COLORS[e.action] ?? "blue",
              content: <EventContent event={e} />,
            }))}
          />
        )}
      </section>
    </Card>
  );
}
