import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Col, DatePicker, Row, Segmented, Space, Statistic, Table, Tooltip } from "antd";
import dayjs from "dayjs";
import { Link, useSearchParams } from "react-router-dom";
import type { CatalogMetrics } from "../../../../../packages/contracts/src/catalog.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { bureauTime } from "../../shared/format.ts";
import { catalogApi, catalogKeys } from "./catalog-api.ts";
import { CatalogMetricsChart } from "./catalog-metrics-chart.tsx";

type Group = CatalogMetrics["groups"][number];
const GROUPS = [
  { value: "department", label: "按部门" },
  { value: "type", label: "按类型" },
  { value: "level", label: "按层级" },
  { value: "exerciseLevel", label: "按行使层级" },
  { value: "onlineDepth", label: "按网办深度" },
];
const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(2)}%`);

/** 事项统计: 减材料落实率, 免提交比例 and the catalog's counts; every number opens the items it counts. */
export function CatalogMetricsPage() {
  const [search, setSearch] = useSearchParams();
  const asOf = search.get("asOf") ?? bureauTime().format("YYYY-MM-DD");
  const groupBy = search.get("groupBy") ?? "department";
  const data = useQuery({
    queryKey: catalogKeys.metrics({ asOf, groupBy }),
    queryFn: ({ signal }) => catalogApi.metrics({ asOf, groupBy }, signal),
    placeholderData: keepPreviousData,
  });
  const t = data.data?.total;
  const list = (extra: Record<string, string>) => `/catalog?${new URLSearchParams({ ...extra, asOf }).toString()}`;
  const groupFilter = (g: Group): Record<string, string> =>
    groupBy === "department"
      ? { departmentId: g.key }
      : groupBy === "type"
        ? { type: g.key }
        : groupBy === "level"
          ? { level: g.key }
          : groupBy === "exerciseLevel"
            ? { exerciseLevel: g.key }
            : {};
  // The catalog list has no 网办深度 filter: those groups' counts open nothing rather than the whole catalog.
  const filterable = groupBy !== "onlineDepth";
  const cell = (g: Group, value: number, extra: Record<string, string>) =>
    filterable ? <Link to={list({ ...groupFilter(g), ...extra })}>{value}</Link> : value;
  const stat = (title: string, value: number | string, href: string, tip?: string) => (
    <Col xs={12} md={6} lg={4}>
      <Card size="small">
        <Tooltip title={tip}>
          <Link to={href}>
            <Statistic title={title} value={value} />
          </Link>
        </Tooltip>
      </Card>
    </Col>
  );
  return (
    <PageContainer
      title="事项统计"
      extra={
        <>
          <DatePicker
            aria-label="统计日期"
            value={dayjs(asOf)}
            allowClear={false}
            onChange={(d) => setSearch({ asOf: (d ?? dayjs()).format("YYYY-MM-DD"), groupBy })}
          />
          <Segmented options={GROUPS} value={groupBy} onChange={(v) => setSearch({ asOf, groupBy: String(v) })} />
        </>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        {t && (
          <Row gutter={[12, 12]}>
            {stat("依申请事项", t.onApplicationItems, list({ flag: "onApplication" }))}
            {stat(
              "减材料落实率",
              pct(t.materialsReducedRate),
              list({ flag: "materialsReduced" }),
              `已减材料事项 ${t.materialsReducedItems} ÷ 依申请事项 ${t.onApplicationItems}`,
            )}
            {stat("办理材料", t.materials, list({}))}
            {stat(
              "免提交比例",
              pct(t.exemptRate),
              list({ materialSource: "shared_data" }),
              `免提交材料 ${t.exemptMaterials} ÷ 全部材料 ${t.materials}`,
            )}
            {stat("一件事", t.bundles, `/catalog/bundles?asOf=${asOf}`)}
            {stat(
              "容缺受理事项",
              t.deferrableItems,
              list({ flag: "deferrable" }),
              `涉及 ${t.deferrableDepartments} 个部门`,
            )}
            {stat(
              "跨域通办条目",
              t.crossRegionEntries,
              list({ flag: "crossRegion" }),
              "一个事项在省内、跨省、全国通办中各计一次",
            )}
            {stat(
              "政策兑现事项",
              t.policyBenefitItems,
              list({ flag: "policyBenefit" }),
              `本年兑现 ${t.policyBenefitCases} 件`,
            )}
            {stat("镇街可预约事项", t.bookableTown, list({ flag: "bookableTown" }))}
            {stat("村居可预约事项", t.bookableVillage, list({ flag: "bookableVillage" }))}
          </Row>
        )}
        <CatalogMetricsChart
          title={`事项统计：${GROUPS.find((g) => g.value === groupBy)?.label ?? ""}`}
          groups={data.data?.groups ?? []}
          loading={data.isFetching}
          href={(g, extra) => (filterable ? list({ ...groupFilter(g), ...extra }) : null)}
        />
        <Card size="small">
          <Table<Group>
            rowKey="key"
            size="small"
            loading={data.isFetching}
            dataSource={data.data?.groups ?? []}
            pagination={false}
            columns={[
              { title: "分组", dataIndex: "label" },
              { title: "事项", dataIndex: "items", render: (v: number, g) => cell(g, v, {}) },
              {
                title: "已减材料",
                dataIndex: "materialsReducedItems",
                render: (v: number, g) => cell(g, v, { flag: "materialsReduced" }),
              },
              {
                title: "减材料落实率",
                render: (_: unknown, g) =>
                  pct(g.onApplicationItems > 0 ? g.materialsReducedItems / g.onApplicationItems : null),
              },
              { title: "材料", dataIndex: "materials" },
              {
                title: "免提交",
                dataIndex: "exemptMaterials",
                render: (v: number, g) => cell(g, v, { materialSource: "shared_data" }),
              },
              {
                title: "免提交比例",
                render: (_: unknown, g) => pct(g.materials > 0 ? g.exemptMaterials / g.materials : null),
              },
              {
                title: "容缺",
                dataIndex: "deferrableItems",
                render: (v: number, g) => cell(g, v, { flag: "deferrable" }),
              },
              {
                title: "跨域条目",
                dataIndex: "crossRegionEntries",
                render: (v: number, g) => cell(g, v, { flag: "crossRegion" }),
              },
              {
                title: "政策兑现",
                dataIndex: "policyBenefitItems",
                render: (v: number, g) => cell(g, v, { flag: "policyBenefit" }),
              },
              {
                title: "镇街可约",
                dataIndex: "bookableTown",
                render: (v: number, g) => cell(g, v, { flag: "bookableTown" }),
              },
              {
                title: "村居可约",
                dataIndex: "bookableVillage",
                render: (v: number, g) => cell(g, v, { flag: "bookableVillage" }),
              },
            ]}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
