import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Card, Select, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { TICKET_STATUS_LABELS } from "../../../../../packages/contracts/src/appointments.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { formatDateTime } from "../../shared/format.ts";
import { useMe } from "../auth/session.tsx";
import { hallApi, hallKeys, subscribeBoard } from "./appointments-api.ts";
import { CheckInCard } from "./check-in-card.tsx";
import { WindowActions } from "./window-actions.tsx";

/**
 * 窗口叫号: check visitors in, call, serve and finish at the clerk's own window (assigned in 大厅设置;
 * the server refuses other windows); the queue refreshes on pushes.
 */
export function HallWindowPage() {
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const halls = useQuery({ queryKey: hallKeys.list(), queryFn: ({ signal }) => hallApi.halls(signal) });
  const [hallId, setHallId] = useState<string | undefined>();
  const effectiveHall = hallId ?? halls.data?.items[0]?.id;
  const hall = useQuery({
    queryKey: hallKeys.detail(effectiveHall ?? ""),
    queryFn: ({ signal }) => hallApi.hall(effectiveHall ?? "", signal),
    enabled: effectiveHall !== undefined,
  });
  const windows = hall.data?.groups.flatMap((g) => g.windows.map((w) => ({ ...w, group: g.name }))) ?? [];
  const win = windows.find((w) => w.staffUserId === me.user.id)?.id;
  const queue = useQuery({
    queryKey: hallKeys.queue(effectiveHall ?? "", win),
    queryFn: ({ signal }) => hallApi.queue(effectiveHall ?? "", win, signal),
    enabled: effectiveHall !== undefined,
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: [...hallKeys.all, "queue"] });

  // Other windows' calls and check-ins arrive as board pushes: reload then, no polling.
  useEffect(
    () =>
      effectiveHall
        ? subscribeBoard(
            effectiveHall,
            () => void queryClient.invalidateQueries({ queryKey: [...hallKeys.all, "queue"] }),
          )
        : undefined,
    [effectiveHall, queryClient],
  );

  return (
    <PageContainer
      title="窗口叫号"
      extra={
        <Space>
          <Select
            aria-label="大厅"
            style={{ width: 260 }}
            value={effectiveHall}
            onChange={(v) => setHallId(v)}
            options={halls.data?.items.map((h) => ({ value: h.id, label: h.name })) ?? []}
          />
          <Select
            aria-label="窗口"
            placeholder="未分配窗口"
            // A clerk works the window assigned to them; the hall's administrator moves them.
            disabled
            style={{ width: 200 }}
            value={win}
            options={windows.map((w) => ({ value: w.id, label: `${w.name}（${w.group}）` }))}
          />
        </Space>
      }
    >
      {hall.data && (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <CheckInCard
            hall={hall.data}
            onTicket={(t) => {
              void message.success(`已取号 ${t.number}`);
              reload();
            }}
          />
          {win ? (
            <WindowActions
              hall={hall.data}
              windowId={win}
              current={queue.data?.current ?? null}
              maxCalls={queue.data?.maxCalls ?? 3}
              onDone={(m) => {
                void message.success(m);
                reload();
              }}
            />
          ) : (
            <Alert
              type="warning"
              showIcon
              title="您尚未被分配到本大厅的窗口"
              description="请联系大厅的系统管理员（大厅设置 → 窗口人员）或监督员为您分配窗口；分配后即可在此叫号办理。"
            />
          )}
          <Card title={`今日等候（${queue.data?.waiting.length ?? 0} 人）`}>
            <Table
              rowKey="id"
              size="small"
              loading={queue.isFetching}
              pagination={false}
              dataSource={queue.data?.waiting ?? []}
              columns={[
                { title: "号码", dataIndex: "number" },
                { title: "窗口组", dataIndex: "groupName" },
                { title: "事项", dataIndex: "itemName" },
                {
                  title: "类型",
                  dataIndex: "kind",
                  render: (k: string) => (k === "booking" ? <Tag color="blue">预约</Tag> : <Tag>现场</Tag>),
                },
                { title: "取号时间", dataIndex: "checkedInAt", render: (v: string) => formatDateTime(v) },
                {
                  title: "状态",
                  dataIndex: "status",
                  render: (s: keyof typeof TICKET_STATUS_LABELS) => TICKET_STATUS_LABELS[s],
                },
              ]}
            />
            {effectiveHall && (
              <Typography.Link href={`/public/halls/${effectiveHall}/board`} target="_blank">
                打开本大厅叫号屏
              </Typography.Link>
            )}
          </Card>
        </Space>
      )}
    </PageContainer>
  );
}
