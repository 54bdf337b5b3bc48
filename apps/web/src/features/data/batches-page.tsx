import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Form, Input, Space, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { Link, useSearchParams } from "react-router-dom";
import { PageContainer } from "../../layout/page-container.tsx";
import { formatDateTime } from "../../shared/format.ts";
import { PagedTable, usePagedList } from "../../shared/paged-list.tsx";
import { OrgUnitSelect } from "../org/org-unit-select.tsx";
import { dataApi, dataKeys } from "./data-api.ts";
import { formatChineseCount } from "./data-figures.tsx";
import { RangeSubmit } from "./range-submit.tsx";

type Item = Awaited<ReturnType<typeof dataApi.batchSearch>>["items"][number];
const FILTERS = ["providerUnitId", "resourceCode", "from", "to"] as const;
const MODE: Record<Item["mode"], { label: string; color: string }> = {
  reject: { label: "入库（整批校验）", color: "blue" },
  quarantine: { label: "入库（隔离问题行）", color: "blue" },
  registered: { label: "仅登记", color: "default" },
};

/** 数据批次: the batches behind 数据统计's aggregated figures, by provider, resource and days received. */
export function BatchesPage() {
  const [search, setSearch] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? undefined]));
  const list = usePagedList({ filters, queryKey: dataKeys.batchSearch, load: dataApi.batchSearch });
  const range = filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : undefined;
  const onFinish = (v: { providerUnitId?: string; resourceCode?: string; range?: [Dayjs, Dayjs] | null }) =>
    list.setFilters({
      providerUnitId: v.providerUnitId,
      resourceCode: v.resourceCode || undefined,
      from: v.range?.[0].format("YYYY-MM-DD"),
      to: v.range?.[1].format("YYYY-MM-DD"),
    });
  // The paged list keeps items and total; the accepted rows of every matching batch come with a one-row page.
  const summary = useQuery({
    queryKey: dataKeys.batchSearch({ ...filters, summary: true }),
    queryFn: ({ signal }) => dataApi.batchSearch({ ...filters, pageSize: 1 }, signal),
  });
  const data = summary.data;
  return (
    <PageContainer
      title="数据批次"
      description="本单位及下级提供的资源收到的数据批次（接收日期按北京时间）。"
      crumbs={[{ title: "数据批次" }]}
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Card size="small">
          <Form layout="inline" key={search.toString()} initialValues={{ ...filters, range }} onFinish={onFinish}>
            <Form.Item name="providerUnitId" style={{ width: 220 }}>
              <OrgUnitSelect placeholder="提供方" />
            </Form.Item>
            <Form.Item name="resourceCode">
              <Input placeholder="资源代码" allowClear style={{ width: 170 }} aria-label="资源代码" />
            </Form.Item>
            <RangeSubmit onReset={() => setSearch(new URLSearchParams())} />
          </Form>
        </Card>
        {data && (
          <Alert
            type="info"
            showIcon
            title={
              <>
                共 {data.total.toLocaleString("zh-CN")} 个批次，接收入库{" "}
                <Typography.Text strong title={`${data.acceptedRows.toLocaleString("zh-CN")} 行`}>
                  {formatChineseCount(data.acceptedRows)}
                </Typography.Text>{" "}
                行（{data.acceptedRows.toLocaleString("zh-CN")} 行，含仅登记的同步批次）
              </>
            }
          />
        )}
        <Card size="small">
          <PagedTable<Item>
            list={list}
            rowKey="id"
            size="small"
            columns={[
              { title: "接收时间", dataIndex: "receivedAt", width: 170, render: (t: string) => formatDateTime(t) },
              {
                title: "资源",
                render: (_: unknown, b) => <Link to={`/data/resources/${b.resourceCode}`}>{b.resourceName}</Link>,
              },
              { title: "提供方", dataIndex: "providerName" },
              {
                title: "批次号",
                dataIndex: "batchId",
                render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
              },
              {
                title: "方式",
                dataIndex: "mode",
                render: (m: Item["mode"]) => <Tag color={MODE[m].color}>{MODE[m].label}</Tag>,
              },
              {
                title: "接收入库行数",
                dataIndex: "accepted",
                align: "right",
                render: (n: number) => n.toLocaleString("zh-CN"),
              },
              { title: "隔离行数", dataIndex: "quarantined", align: "right" },
              { title: "提交人", dataIndex: "createdBy" },
            ]}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
