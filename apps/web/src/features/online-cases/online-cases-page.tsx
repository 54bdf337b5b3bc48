import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, DatePicker, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ONLINE_CASE_RESULT_LABELS, OnlineCaseListSchema } from "../../../../../packages/contracts/src/online-cases.ts";
import { api } from "../../api/client.ts";
import { formatDateTime } from "../../shared/format.ts";

/** 网上办件: the cases the provincial portal pushed, which applicants rate like hall cases. */
export function OnlineCasesPage() {
  const [page, setPage] = useState(1);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format("YYYY-MM-DD");
  const to = range?.[1]?.format("YYYY-MM-DD");
  const listQuery = { from, to, page, pageSize: 20 };
  const list = useQuery({
    queryKey: ["online-cases", "list", listQuery],
    queryFn: ({ signal }) => api.get("/api/online-cases", OnlineCaseListSchema, listQuery, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        网上办件
      </Typography.Title>
      <Card
        size="small"
        title="一网通办平台推送的已办结办件（申请人可凭办件编号评价）"
        extra={
          <DatePicker.RangePicker
            aria-label="办结日期"
            onChange={(v) => {
              setRange(v);
              setPage(1);
            }}
          />
        }
      >
        <Table
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showTotal: (t) => `共 ${t} 件`,
            onChange: setPage,
          }}
          columns={[
            { title: "办件编号", dataIndex: "caseNo" },
            { title: "事项", render: (_, r) => `${r.itemName}（${r.itemCode}）` },
            { title: "办理部门", dataIndex: "unitName" },
            { title: "经办人", dataIndex: "handlerName", render: (v: string | null) => v ?? "—" },
            { title: "申请人", dataIndex: "applicantName" },
            { title: "联系电话", dataIndex: "phone" },
            { title: "办结时间", dataIndex: "finishedAt", render: (v: string) => formatDateTime(v) },
            {
              title: "结果",
              dataIndex: "result",
              render: (v: keyof typeof ONLINE_CASE_RESULT_LABELS) => (
                <Tag color={v === "approved" ? "green" : "default"}>{ONLINE_CASE_RESULT_LABELS[v]}</Tag>
              ),
            },
            {
              title: "评价",
              render: (_, r) => (
                <Link to={`/ratings?groupBy=item&itemCode=${encodeURIComponent(r.itemCode)}`}>该事项评价</Link>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
