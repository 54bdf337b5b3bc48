import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Input, Pagination, Space, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { RecordList, RecordListItem } from "../../shared/record-list.tsx";
import { usePublicTenant } from "../catalog/public-catalog-layout.tsx";
import { openDataApi, openDataKeys, PAGE_SIZE } from "./open-data-api.ts";
import { PublicDataLayout } from "./public-data-layout.tsx";

/** 公共数据开放: citizens and developers search the open resources and download them. */
export function PublicDataPage() {
  const tenant = usePublicTenant();
  const [search, setSearch] = useSearchParams();
  const q = search.get("q") ?? "";
  const page = Math.max(1, Number(search.get("page") ?? 1) || 1);
  const result = useQuery({
    queryKey: openDataKeys.search(tenant, q, page),
    queryFn: ({ signal }) => openDataApi.search(tenant, q, page, signal),
    placeholderData: keepPreviousData,
  });
  const total = result.data?.result.count ?? 0;
  return (
    <PublicDataLayout title="公共数据开放">
      <Card>
        <Input.Search
          defaultValue={q}
          placeholder="输入数据名称、提供单位或字段，如：旅游景区、停车场、文化"
          enterButton="搜索"
          size="large"
          allowClear
          aria-label="搜索开放数据"
          onSearch={(value) => setSearch({ tenant, q: value.trim() })}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {q ? `“${q}”` : "全部开放数据"}：共 {total} 个数据集
        </Typography.Paragraph>
        <RecordList
          loading={result.isFetching}
          items={result.data?.result.results ?? []}
          itemKey={(d) => d.name}
          empty="没有找到相关数据"
          render={(d) => (
            <RecordListItem
              title={<Link to={`/public/data/${encodeURIComponent(d.name)}?tenant=${tenant}`}>{d.title}</Link>}
              description={
                <Space wrap size={4}>
                  <span>{d.organization.title}</span>
                  {d.groups.map((g) => (
                    <Tag key={g.name}>{g.title}</Tag>
                  ))}
                  <Tag color={d.isopen ? "green" : "orange"}>{d.isopen ? "无条件开放" : "有条件开放"}</Tag>
                  {d.resources.map((r) => (
                    <Tag key={r.id} color="blue">
                      {r.format}
                    </Tag>
                  ))}
                </Space>
              }
            />
          )}
        />
        {total > PAGE_SIZE && (
          <Pagination
            style={{ marginTop: 16 }}
            current={page}
            pageSize={PAGE_SIZE}
            total={total}
            showSizeChanger={false}
            onChange={(p) => setSearch({ tenant, q, page: String(p) })}
          />
        )}
      </Card>
    </PublicDataLayout>
  );
}
