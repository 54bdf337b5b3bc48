import { EditOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Descriptions, Result, Space, Spin, Tabs, Tag } from "antd";
import { useState } from "react";
import { useParams } from "react-router-dom";
import {
  OPEN_TYPE_LABELS,
  RESOURCE_CLASS_LABELS,
  RESOURCE_FORMAT_LABELS,
  SHARE_TYPE_LABELS,
  UPDATE_CYCLE_LABELS,
} from "../../../../../packages/contracts/src/data-sharing.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { formatDate, formatDateTime } from "../../shared/format.ts";
import { useMe } from "../auth/session.tsx";
import { dataApi, dataKeys } from "./data-api.ts";
import { SHARE_TYPE_COLORS } from "./data-labels.ts";
import { RequestFormModal } from "./request-form.tsx";
import { ResourceFormModal } from "./resource-form.tsx";
import {
  BatchesTab,
  ExemptMaterialsTab,
  FieldsTable,
  GrantsTab,
  QualityTab,
  UsageTab,
  VersionsTab,
} from "./resource-tabs.tsx";

/** One resource: its metadata, 信息项, versions, batches, quality and the grants on it. */
export function ResourcePage() {
  const { code = "" } = useParams();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState(false);
  const query = useQuery({
    queryKey: [...dataKeys.resource(code), "or-entry"],
    queryFn: ({ signal }) => dataApi.resourceOrEntry(code, signal),
  });
  const crumbs = [{ title: code }];
  if (query.isError) {
    return (
      <PageContainer title="信息资源" crumbs={crumbs}>
        <Result status="404" title="资源不存在或不在本单位可见范围内" />
      </PageContainer>
    );
  }
  const r = query.data;
  if (!r) {
    return <Spin style={{ display: "block", margin: 48 }} />;
  }
  const officer = me.grants.some((g) => g.role === "data_officer");
  // Another unit's resource seen through the 共享目录: its 信息项 to ask for, nothing of its holdings.
  const canEdit = officer && !r.catalogOnly;
  return (
    <PageContainer
      title={`${r.name}（${r.code}）`}
      crumbs={crumbs}
      extra={
        officer && (
          <Space>
            {r.shareType !== "none" && <Button onClick={() => setAsking(true)}>申请共享</Button>}
            {canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                修改
              </Button>
            )}
          </Space>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label="提供方">{r.providerName}</Descriptions.Item>
            <Descriptions.Item label="资源分类">
              {RESOURCE_CLASS_LABELS[r.classification]}／{r.subclass}
            </Descriptions.Item>
            <Descriptions.Item label="资源格式">{RESOURCE_FORMAT_LABELS[r.format]}</Descriptions.Item>
            <Descriptions.Item label="共享类型">
              <Tag color={SHARE_TYPE_COLORS[r.shareType]}>{SHARE_TYPE_LABELS[r.shareType]}</Tag>
              {r.shareCondition}
            </Descriptions.Item>
            <Descriptions.Item label="共享方式">{r.shareMethod}</Descriptions.Item>
            <Descriptions.Item label="开放类型">{OPEN_TYPE_LABELS[r.openType]}</Descriptions.Item>
            <Descriptions.Item label="更新周期">{UPDATE_CYCLE_LABELS[r.updateCycle]}</Descriptions.Item>
            <Descriptions.Item label="发布日期">{formatDate(r.publishedOn)}</Descriptions.Item>
            <Descriptions.Item label="版本">
              第 {r.version} 版（{formatDateTime(r.updatedAt)}）
            </Descriptions.Item>
            <Descriptions.Item label="汇聚数据量">{r.aggregatedRows.toLocaleString("zh-CN")} 行</Descriptions.Item>
            <Descriptions.Item label="摘要" span={3}>
              {r.summary || "—"}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small">
          <Tabs
            items={[
              { key: "fields", label: `信息项（${r.fields.length}）`, children: <FieldsTable fields={r.fields} /> },
              { key: "versions", label: "修改记录", children: <VersionsTab code={r.code} /> },
              { key: "batches", label: "数据批次", children: <BatchesTab code={r.code} canUpload={canEdit} /> },
              { key: "quality", label: "数据质量", children: <QualityTab code={r.code} /> },
              { key: "grants", label: "共享授权", children: <GrantsTab code={r.code} /> },
              { key: "usage", label: "使用情况", children: <UsageTab code={r.code} /> },
              { key: "exempt", label: "免提交材料", children: <ExemptMaterialsTab code={r.code} /> },
            ].filter((tab) => !r.catalogOnly || tab.key === "fields")}
          />
        </Card>
      </Space>
      <ResourceFormModal
        open={editing}
        resource={r}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
      <RequestFormModal
        open={asking}
        resourceCode={r.code}
        onClose={() => setAsking(false)}
        onDone={() => setAsking(false)}
      />
    </PageContainer>
  );
}
