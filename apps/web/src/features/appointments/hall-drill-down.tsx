import { Drawer, Table } from "antd";
import {
  BOOKING_STATUS_LABELS,
  type BookingStatus,
  CASE_RESULT_LABELS,
  type CaseResult,
  TICKET_STATUS_LABELS,
  type TicketStatus,
} from "../../../../../packages/contracts/src/appointments.ts";
import type { Query } from "../../api/client.ts";
import { formatDateTime } from "../../shared/format.ts";
import { useRemote } from "../../shared/use-remote.ts";
import { hallApi } from "./appointments-api.ts";
import { formatSeconds } from "./slot-format.ts";

export type DrillDown = { list: "cases" | "bookings" | "tickets"; title: string; query: Query };

/** The rows behind one figure: the same filters on the list endpoint. */
export function HallDrillDown({ drill, onClose }: { drill: DrillDown | null; onClose: () => void }) {
  const key = drill ? `${drill.list}:${JSON.stringify(drill.query)}` : null;
  const cases = useRemote(drill?.list === "cases" ? key : null, (s) =>
    hallApi.cases({ ...drill?.query, pageSize: 100 }, s),
  );
  const bookings = useRemote(drill?.list === "bookings" ? key : null, (s) =>
    hallApi.bookings({ ...drill?.query, pageSize: 100 }, s),
  );
  const tickets = useRemote(drill?.list === "tickets" ? key : null, (s) =>
    hallApi.tickets({ ...drill?.query, pageSize: 100 }, s),
  );
  return (
    <Drawer open={!!drill} onClose={onClose} size="large" title={drill?.title}>
      {drill?.list === "tickets" ? (
        <Table
          rowKey="id"
          size="small"
          loading={tickets.loading}
          dataSource={tickets.data?.items ?? []}
          pagination={false}
          footer={() => `共 ${tickets.data?.total ?? 0} 人次（显示前 100 条）`}
          columns={[
            { title: "号码", dataIndex: "number" },
            { title: "窗口组", dataIndex: "groupName" },
            { title: "事项", dataIndex: "itemName" },
            { title: "类型", dataIndex: "kind", render: (k: string) => (k === "booking" ? "预约" : "现场") },
            { title: "取号时间", dataIndex: "checkedInAt", render: (v: string) => formatDateTime(v) },
            { title: "窗口", dataIndex: "windowName" },
            { title: "状态", dataIndex: "status", render: (s: TicketStatus) => TICKET_STATUS_LABELS[s] },
          ]}
        />
      ) : drill?.list === "cases" ? (
        <Table
          rowKey="id"
          size="small"
          loading={cases.loading}
          dataSource={cases.data?.items ?? []}
          pagination={false}
          footer={() => `共 ${cases.data?.total ?? 0} 件（显示前 100 件）`}
          columns={[
            { title: "大厅", dataIndex: "hallName" },
            { title: "窗口", dataIndex: "windowName" },
            { title: "事项", dataIndex: "itemName" },
            { title: "人员", dataIndex: "staffName" },
            { title: "结果", dataIndex: "result", render: (r: CaseResult) => CASE_RESULT_LABELS[r] },
            { title: "办结时间", dataIndex: "finishedAt", render: (v: string) => formatDateTime(v) },
            { title: "等候", dataIndex: "waitSeconds", render: (v: number) => formatSeconds(v) },
            { title: "办理", dataIndex: "serviceSeconds", render: (v: number) => formatSeconds(v) },
          ]}
        />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={bookings.loading}
          dataSource={bookings.data?.items ?? []}
          pagination={false}
          footer={() => `共 ${bookings.data?.total ?? 0} 条（显示前 100 条）`}
          columns={[
            { title: "预约码", dataIndex: "code" },
            { title: "大厅", dataIndex: "hallName" },
            { title: "事项", dataIndex: "itemName" },
            { title: "时段", dataIndex: "startsAt", render: (v: string) => formatDateTime(v) },
            { title: "预约人", dataIndex: "personName" },
            { title: "身份证号", dataIndex: "idNumber" },
            { title: "状态", dataIndex: "status", render: (s: BookingStatus) => BOOKING_STATUS_LABELS[s] },
          ]}
        />
      )}
    </Drawer>
  );
}
