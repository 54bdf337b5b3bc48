import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Input, Space, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { ITEM_TYPE_LABELS, ONLINE_DEPTH_LABELS } from "../../../../../packages/contracts/src/catalog.ts";
import { RecordList, RecordListItem } from "../../shared/record-list.tsx";
import { publicCatalogApi, publicCatalogKeys } from "./catalog-api.ts";
import { PublicCatalogLayout, usePublicTenant } from "./public-catalog-layout.tsx";

/** Citizens search the catalog by any part of an item's name, a keyword or a material's name. */
export function PublicCatalogPage() {
  const tenant = usePublicTenant();
  const [search, setSearch] = useSearchParams();
  const q = search.get("q") ?? "";
  const result = useQuery({
    queryKey: publicCatalogKeys.search(tenant, q),
    queryFn: ({ signal }) => publicCatalogApi.search(tenant, q, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PublicCatalogLayout title="政务服务事项查询">
      <Card>
        <Input.Search
          defaultValue={q}
          placeholder="输入事项名称或关键词，如：营业执照、结婚、社保"
          enterButton="搜索"
          size="large"
          allowClear
          aria-label="搜索事项"
          onSearch={(value) => setSearch({ tenant, q: value.trim() })}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {q ? `“${q}”` : "全部事项"}：共 {result.data?.total ?? 0} 项
          {(result.data?.total ?? 0) > 50 ? "，显示前 50 项" : ""}
        </Typography.Paragraph>
        <RecordList
          loading={result.isFetching}
          items={result.data?.items ?? []}
          itemKey={(i) => i.code}
          empty="没有找到相关事项"
          render={(i) => (
            <RecordListItem
              title={<Link to={`/public/catalog/items/${encodeURIComponent(i.code)}?tenant=${tenant}`}>{i.name}</Link>}
              description={
                <Space wrap size={4}>
                  <span>{i.departmentName}</span>
                  <Tag>{ITEM_TYPE_LABELS[i.type]}</Tag>
                  <Tag color="blue">承诺 {i.promisedLimitDays} 个工作日</Tag>
                  <Tag color={i.visitsRequired === 0 ? "green" : "default"}>
                    {i.visitsRequired === 0 ? "零跑动" : `跑动 ${i.visitsRequired} 次`}
                  </Tag>
                  <Tag>{ONLINE_DEPTH_LABELS[i.onlineDepth]}</Tag>
                  {i.deferrable && <Tag color="orange">可容缺受理</Tag>}
                </Space>
              }
            />
          )}
        />
      </Card>
    </PublicCatalogLayout>
  );
}
