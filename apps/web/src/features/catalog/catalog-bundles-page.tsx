import { useQuery } from "@tanstack/react-query";
import { Card, DatePicker, Space, Table } from "antd";
import dayjs from "dayjs";
import { useSearchParams } from "react-router-dom";
import type { Bundle } from "../../../../../packages/contracts/src/catalog.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { catalogApi, catalogKeys } from "./catalog-api.ts";

/** 一件事 bundles as now or as of a date, with their member items. */
export function CatalogBundlesPage() {
  const [search, setSearch] = useSearchParams();
  const asOf = search.get("asOf") ?? undefined;
  const data = useQuery({
    queryKey: catalogKeys.bundles(asOf),
    queryFn: ({ signal }) => catalogApi.bundles(asOf, signal),
  });
  return (
    <PageContainer
      title={`一件事主题套餐（${data.data?.items.length ?? 0}）`}
      extra={
        <DatePicker
          aria-label="查看某日的套餐"
          value={asOf ? dayjs(asOf) : null}
          placeholder="当前"
          onChange={(d) => setSearch(d ? { asOf: d.format("YYYY-MM-DD") } : {})}
        />
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Card size="small">
          <Table<Bundle>
            rowKey="id"
            size="small"
            loading={data.isFetching}
            dataSource={data.data?.items ?? []}
            columns={[
              { title: "编码", dataIndex: "code", width: 100 },
              { title: "名称", dataIndex: "name" },
              {
                title: "包含事项",
                render: (_: unknown, b) => b.items.map((i) => `${i.name}（${i.departmentName}）`).join("；"),
              },
              { title: "版本", dataIndex: "version", width: 70 },
            ]}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
