import { useQuery } from "@tanstack/react-query";
import { Card, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { RecordList, RecordListItem } from "../../shared/record-list.tsx";
import { publicCatalogApi, publicCatalogKeys } from "./catalog-api.ts";
import { PublicCatalogLayout, usePublicTenant } from "./public-catalog-layout.tsx";

/** 一件事: the list of bundles. */
export function PublicBundlesPage() {
  const tenant = usePublicTenant();
  const data = useQuery({
    queryKey: publicCatalogKeys.bundles(tenant),
    queryFn: ({ signal }) => publicCatalogApi.bundles(tenant, signal),
  });
  return (
    <PublicCatalogLayout title="“一件事”主题服务">
      <Card>
        <RecordList
          loading={data.isFetching}
          columns={3}
          items={data.data?.items ?? []}
          itemKey={(b) => b.code}
          render={(b) => (
            <>
              <Link to={`/public/catalog/bundles/${encodeURIComponent(b.code)}?tenant=${tenant}`}>{b.name}</Link>
              <Typography.Text type="secondary">（{b.itemCount} 个事项）</Typography.Text>
            </>
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
  const data = useQuery({
    queryKey: publicCatalogKeys.bundle(tenant, code),
    queryFn: ({ signal }) => publicCatalogApi.bundle(tenant, code, signal),
  });
  return (
    <PublicCatalogLayout title={data.data?.name ?? "一件事"}>
      <Card>
        <Typography.Paragraph>{data.data?.description}</Typography.Paragraph>
        <RecordList
          loading={data.isFetching}
          items={data.data?.items ?? []}
          itemKey={(i) => i.code}
          render={(i) => (
            <RecordListItem
              title={<Link to={`/public/catalog/items/${encodeURIComponent(i.code)}?tenant=${tenant}`}>{i.name}</Link>}
              description={`${i.departmentName} · 承诺 ${i.promisedLimitDays} 个工作日`}
            />
          )}
        />
      </Card>
    </PublicCatalogLayout>
  );
}
