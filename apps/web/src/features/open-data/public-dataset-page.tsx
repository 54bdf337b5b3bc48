import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from "antd";
import { useParams } from "react-router-dom";
import { OPEN_EXTRA_LABELS } from "../../../../../packages/contracts/src/open-data.ts";
import { PageLoading } from "../../shared/results.tsx";
import { usePublicTenant } from "../catalog/public-catalog-layout.tsx";
import { openDataApi, openDataKeys } from "./open-data-api.ts";
import { PublicDataLayout } from "./public-data-layout.tsx";

/** One open dataset: what it holds (its open fields), who provides it, and its downloads. */
export function PublicDatasetPage() {
  const tenant = usePublicTenant();
  const { name = "" } = useParams();
  const q = useQuery({
    queryKey: openDataKeys.dataset(tenant, name),
    queryFn: ({ signal }) => openDataApi.dataset(tenant, name, signal),
  });
  if (q.isPending) {
    return <PageLoading />;
  }
  if (q.isError) {
    return (
      <PublicDataLayout title="公共数据开放">
        <Alert type="warning" showIcon title="没有找到这个数据集" description="它可能尚未开放，或代码有误。" />
      </PublicDataLayout>
    );
  }
  const d = q.data.result;
  const extra = (key: string) => d.extras.find((e) => e.key === key)?.value;
  return (
    <PublicDataLayout title={d.title}>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Card>
          <Typography.Paragraph>{d.notes}</Typography.Paragraph>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="提供单位">{d.organization.title}</Descriptions.Item>
            <Descriptions.Item label="许可协议">{d.license_title}</Descriptions.Item>
            {d.extras
              .filter((e) => e.key !== "fields" && OPEN_EXTRA_LABELS[e.key])
              .map((e) => (
                <Descriptions.Item key={e.key} label={OPEN_EXTRA_LABELS[e.key]}>
                  {e.value}
                </Descriptions.Item>
              ))}
          </Descriptions>
        </Card>
        <Card title="开放字段">
          <Space wrap>
            {(extra("fields") ?? "")
              .split("；")
              .filter(Boolean)
              .map((f) => (
                <Tag key={f}>{f}</Tag>
              ))}
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            涉及个人信息的字段不开放，也不出现在下载文件中。
          </Typography.Paragraph>
        </Card>
        <Card title="下载">
          {d.resources.length === 0 ? (
            <Alert type="info" showIcon title={extra("access") ?? "本数据集为有条件开放，请向提供单位申请。"} />
          ) : (
            <Space wrap>
              {d.resources.map((r) => (
                <Button key={r.id} href={r.url} type="primary" ghost>
                  下载 {r.format}
                </Button>
              ))}
            </Space>
          )}
        </Card>
      </Space>
    </PublicDataLayout>
  );
}
