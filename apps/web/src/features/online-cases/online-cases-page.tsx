import { Card, DatePicker, Space, Tag } from "antd";
import dayjs from "dayjs";
import { Link, useSearchParams } from "react-router-dom";
import { ONLINE_CASE_RESULT_LABELS, OnlineCaseListSchema } from "../../../../../packages/contracts/src/online-cases.ts";
import { api } from "../../api/client.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { formatDateTime } from "../../shared/format.ts";
import { PagedTable, usePagedList } from "../../shared/paged-list.tsx";

/** 网上办件: the cases the provincial portal pushed, which applicants rate like hall cases. */
export function OnlineCasesPage() {
  const [search] = useSearchParams();
  const from = search.get("from") ?? undefined;
  const to = search.get("to") ?? undefined;
  const list = usePagedList({
    filters: { from, to },
    queryKey: (query) => ["online-cases", "list", query],
    load: (query, signal) => api.get("/api/online-cases", OnlineCaseListSchema, query, signal),
  });
  return (
    <PageContainer title="网上办件">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Card
          size="small"
          title="一网通办平台推送的已办结办件（申请人可凭办件编号评价）"
          extra={
            <DatePicker.RangePicker
              aria-label="办结日期"
              value={from && to ? [dayjs(from), dayjs(to)] : null}
              onChange={(v) =>
                list.setFilters({ from: v?.[0]?.format("YYYY-MM-DD"), to: v?.[1]?.format("YYYY-MM-DD") })
              }
            />
          }
        >
          <PagedTable
            list={list}
            unit="件"
            size="small"
            rowKey="id"
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
    </PageContainer>
  );
}
