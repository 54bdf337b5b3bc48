import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Card, Descriptions, Drawer, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { HALL_LEVEL_LABELS, type Hall, type HallDetail } from "../../../../../packages/contracts/src/appointments.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { hallApi, hallKeys } from "./appointments-api.ts";
import { AddGroupForm, ClosureAndSlots, CreateHallButton, HallHoursForm } from "./hall-setup-forms.tsx";
import { SettingsCard } from "./settings-card.tsx";
import { WindowStaffCard } from "./window-staff-card.tsx";

/** 大厅设置 (admin): halls, window groups with their items and windows, closures, slot generation. */
export function HallSetupPage() {
  const queryClient = useQueryClient();
  const halls = useQuery({ queryKey: hallKeys.list(), queryFn: ({ signal }) => hallApi.halls(signal) });
  const [openId, setOpenId] = useState<string | null>(null);
  const detail = useQuery({
    queryKey: hallKeys.detail(openId ?? ""),
    queryFn: ({ signal }) => hallApi.hall(openId ?? "", signal),
    enabled: openId !== null,
  });
  const hall = detail.data;
  // A form's answer is the hall as saved: show it at once, and refresh whatever lists it.
  const setSaved = (h: HallDetail) => {
    queryClient.setQueryData(hallKeys.detail(h.id), h);
    void queryClient.invalidateQueries({ queryKey: hallKeys.all, predicate: (q) => q.queryKey[1] !== "detail" });
  };

  return (
    <PageContainer
      title="大厅设置"
      description="大厅挂在组织机构上；每个窗口组有号段前缀、每时段容量、可办事项和窗口。时段按法定工作日历（含调休）生成，闭厅日不生成。"
      extra={
        <CreateHallButton
          onCreated={(h) => {
            setSaved(h);
            setOpenId(h.id);
          }}
        />
      }
    >
      <SettingsCard />
      <Card>
        <Table<Hall>
          rowKey="id"
          size="small"
          loading={halls.isFetching}
          dataSource={halls.data?.items ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            {
              title: "大厅",
              dataIndex: "name",
              render: (v: string, h) => <Typography.Link onClick={() => setOpenId(h.id)}>{v}</Typography.Link>,
            },
            { title: "层级", dataIndex: "level", render: (l: Hall["level"]) => <Tag>{HALL_LEVEL_LABELS[l]}</Tag> },
            { title: "地址", dataIndex: "address" },
          ]}
        />
      </Card>
      <Drawer open={!!openId} onClose={() => setOpenId(null)} size="large" title={hall?.name}>
        {hall && (
          <>
            {hall.groups.map((g) => (
              <Card key={g.id} size="small" title={`${g.prefix} ${g.name}`} style={{ marginBottom: 12 }}>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label="每时段容量">{g.slotCapacity}</Descriptions.Item>
                  <Descriptions.Item label="窗口">{g.windows.map((w) => w.name).join("、")}</Descriptions.Item>
                  <Descriptions.Item label="事项">
                    {g.items.map((i) => (
                      <Tag key={i.itemCode} color={i.bookable ? "blue" : "default"}>
                        {i.itemCode} {i.itemName}
                        {i.bookable ? "" : "（不可预约）"}
                      </Tag>
                    ))}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            ))}
            <WindowStaffCard
              hall={hall}
              onSaved={() => void queryClient.invalidateQueries({ queryKey: hallKeys.all })}
            />
            <Card size="small" title="开放时段、闭厅日与时段生成" style={{ marginBottom: 12 }}>
              <Typography.Paragraph>
                {hall.closures.length ? hall.closures.map((c) => `${c.day}（${c.reason}）`).join("；") : "暂无闭厅日"}
              </Typography.Paragraph>
              <HallHoursForm key={hall.id} hall={hall} onSaved={setSaved} />
              <div style={{ height: 12 }} />
              <ClosureAndSlots hall={hall} onSaved={setSaved} />
            </Card>
            <Card size="small" title="新增窗口组">
              <AddGroupForm hall={hall} onSaved={setSaved} />
            </Card>
          </>
        )}
      </Drawer>
    </PageContainer>
  );
}
