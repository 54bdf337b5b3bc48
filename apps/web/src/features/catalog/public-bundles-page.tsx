import { Card, List, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { useRemote } from "../../shared/use-remote.ts";
import { publicCatalogApi } from "./catalog-api.ts";
import { PublicCatalogLayout, usePublicTenant } from "./public-catalog-layout.tsx";

/** 一件事: the list of bundles. */
export function PublicBundlesPage() {
  const tenant = usePublicTenant();
  const data = useRemote(`public-bundles-${tenant}`, (signal) => publicCatalogApi.bundles(tenant, signal));
  return (
    <PublicCatalogLayout title="“一件事”主题服务">
      <Card>
        <List
          loading={data.loading}
          grid={{ gutter: 12, xs: 1, sm: 2, md: 3 }}
          dataSource={data.data?.items ?? []}
          renderItem={(b) => (
            <List.Item>
              <Link to={`/public/catalog/bundles/${encodeURIComponent(b.code)}?tenant=${tenant}`}>{b.name}</Link>
              <Typography.Text type="secondary">（{b.itemCount} 个事项）</Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </PublicCatalogLayout>
  );
}

/** One bundle: its items, each opening its guide. */
export function PublicBundlePage() {
  const { code = "" } = useParams();
  const tenant = usePublicTenant();
  const data = useRemote(`public-bundle-${tenant}-${code}`, (signal) => publicCatalogApi.bundle(tenant, code, signal));
  return (
    <PublicCatalogLayout title={data.data?.name ?? "一件事"}>
      <Card>
        <Typography.Paragraph>{data.data?.description}</Typography.Paragraph>
        <List
          loading={data.loading}
          dataSource={data.data?.items ?? []}
          renderItem={(i) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Link to={`/public/catalog/items/${encodeURIComponent(i.code)}?tenant=${tenant}`}>{i.name}</Link>
                }
                description={`${i.departmentName} · 承诺 ${i.promisedLimitDays} 个工作日`}
              />
            </List.Item>
          )}
        />
      </Card>
    </PublicCatalogLayout>
  );
}
