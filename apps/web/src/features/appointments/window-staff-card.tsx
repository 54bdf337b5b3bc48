import { useQuery } from "@tanstack/react-query";
import { App, Card, Select, Table } from "antd";
import type { HallDetail } from "../../../../../packages/contracts/src/appointments.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { hallApi, hallKeys } from "./appointments-api.ts";

type Row = { id: string; name: string; group: string; staffUserId: string | null };

/** 窗口人员: which clerk works which window (one window each); only that clerk may call at it. */
export function WindowStaffCard({ hall, onSaved }: { hall: HallDetail; onSaved: () => void }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const clerks = useQuery({
    queryKey: hallKeys.clerks(hall.id),
    queryFn: ({ signal }) => hallApi.clerks(hall.id, signal),
  });
  const rows: Row[] = hall.groups.flatMap((g) =>
    g.windows.map((w) => ({ id: w.id, name: w.name, group: g.name, staffUserId: w.staffUserId })),
  );
  const assign = async (windowId: string, userId: string | null) => {
    try {
      const w = await hallApi.assignWindow(windowId, userId);
      void message.success(w.staffName ? `${w.name} 已分配给 ${w.staffName}` : `${w.name} 已清空`);
      // The parent invalidates the hall's keys, the clerks' windows among them.
      onSaved();
    } catch (err) {
      handleError(err);
    }
  };
  return (
    <Card size="small" title="窗口人员" style={{ marginBottom: 12 }}>
      <Table<Row>
        rowKey="id"
        size="small"
        // Every window on one scrolling list: the district centre has 86.
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={rows}
        columns={[
          { title: "窗口", dataIndex: "name", width: 110 },
          { title: "窗口组", dataIndex: "group" },
          {
            title: "窗口人员",
            dataIndex: "staffUserId",
            width: 220,
            render: (v: string | null, r) => (
              <Select
                aria-label={`${r.name}的窗口人员`}
                allowClear
                placeholder="未分配"
                style={{ width: 200 }}
                value={v ?? undefined}
                loading={clerks.isFetching}
                onChange={(userId?: string) => void assign(r.id, userId ?? null)}
                options={(clerks.data?.items ?? []).map((c) => ({
                  value: c.id,
                  label:
                    c.windowName && c.windowId !== r.id ? `${c.displayName}（现在${c.windowName}）` : c.displayName,
                }))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
