import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Drawer, Table } from "antd";
import { useEffect, useState } from "react";
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
import { hallApi, hallKeys } from "./appointments-api.ts";
import { formatSeconds } from "./slot-format.ts";

export type DrillDown = { list: "cases" | "bookings" | "tickets"; title: string; query: Query };

/** The rows behind one figure: the same filters on the list endpoint. */
export function HallDrillDown({ drill, onClose }: { drill: DrillDown | null; onClose: () => void }) {
  // Paged on the server: every record of the figure can be reached, however many there are.
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const base = drill ? `${drill.list}:${JSON.stringify(drill.query)}` : null;
  useEffect(() => {
    if (base !== null) {
      setPage((p) => ({ ...p, page: 1 }));
    }
  }, [base]);
  const query: Query = { ...drill?.query, ...page };
  const listQuery = <T,>(list: DrillDown["list"], load: (q: Query, signal: AbortSignal) => Promise<T>) => ({
    queryKey: hallKeys.drill(list, query),
    queryFn: ({ signal }: { signal: AbortSignal }) => load(query, signal),
    enabled: drill?.list === list,
    placeholderData: keepPreviousData,
  });
  const cases = useQuery(listQuery("cases", hallApi.cases));
  const bookings = useQuery(listQuery("bookings", hallApi.bookings));
  const tickets = useQuery(listQuery("tickets", hallApi.tickets));
  const paging = (total: number | undefined, unit: string) => ({
    current: page.page,
    pageSize: page.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: (t: number) => `共 ${t.toLocaleString("zh-CN")} ${unit}`,
    onChange: (p: number, size: number) => setPage({ page: size === page.pageSize ? p : 1, pageSize: size }),
  });
  return (
    <Drawer open={!!drill} onClose={onClose} size="large" title={drill?.title}>
      {drill?.list === "tickets" ? (
        <Table
          rowKey="id"
          size="small"
          loading={tickets.isFetching}
          dataSource={tickets.data?.items ?? []}
          pagination={paging(tickets.data?.total, "人次")}
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
          loading={cases.isFetching}
          dataSource={cases.data?.items ?? []}
          pagination={paging(cases.data?.total, "件")}
          columns={[
            { title: "办件编号", dataIndex: "caseNo" },
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
          loading={bookings.isFetching}
          dataSource={bookings.data?.items ?? []}
          pagination={paging(bookings.data?.total, "条")}
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
