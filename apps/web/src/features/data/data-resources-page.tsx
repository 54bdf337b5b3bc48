import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Col, Form, Input, Row, Select, Space, Tag, Tree, type TreeDataNode } from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import {
  RESOURCE_CLASS_LABELS,
  RESOURCE_CLASSES,
  RESOURCE_FORMAT_LABELS,
  type ResourceClass,
  SHARE_TYPE_LABELS,
  UPDATE_CYCLE_LABELS,
} from "../../../../../packages/contracts/src/data-sharing.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { PagedTable, usePagedList } from "../../shared/paged-list.tsx";
import { useMe } from "../auth/session.tsx";
import { dataApi, dataKeys } from "./data-api.ts";
import { SHARE_TYPE_COLORS } from "./data-labels.ts";
import { ExemptSourcesCard } from "./exempt-sources-card.tsx";
import { ResourceFormModal } from "./resource-form.tsx";
import { ResourceImportModal } from "./resource-import-modal.tsx";

type Summary = Awaited<ReturnType<typeof dataApi.resources>>["items"][number];
const FILTERS = ["q", "classification", "subclass", "providerUnitId"] as const;
const CLASS_OPTIONS = RESOURCE_CLASSES.map((c) => ({ value: c, label: RESOURCE_CLASS_LABELS[c] }));

/** The tree's node keys carry the filter they apply: "c:basic", "p:<unit id>". */
function useTreeData(): TreeDataNode[] {
  const tree = useQuery({ queryKey: dataKeys.tree(), queryFn: ({ signal }) => dataApi.tree(signal) });
  const t = tree.data;
  if (!t) {
    return [];
  }
  return [
    {
      key: "group:class",
      title: "按分类",
      selectable: false,
      children: t.byClassification.map((c) => ({
        key: `c:${c.classification}`,
        title: `${RESOURCE_CLASS_LABELS[c.classification]}（${c.count}）`,
        children: c.subclasses.map((s) => ({
          key: `c:${c.classification}:${s.subclass}`,
          title: `${s.subclass}（${s.count}）`,
          selectable: false,
          isLeaf: true,
        })),
      })),
    },
    {
      key: "group:provider",
      title: "按提供方",
      selectable: false,
      children: t.byProvider.map((p) => ({ key: `p:${p.unitId}`, title: `${p.unitName}（${p.count}）`, isLeaf: true })),
    },
  ];
}

/** 数据资源目录: the classification/provider tree beside the searchable, server-paged list (filters in the URL). */
export function DataResourcesPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const filters = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? undefined]));
  const list = usePagedList({ filters, queryKey: dataKeys.resources, load: dataApi.resources });
  const treeData = useTreeData();
  const canEdit = me.grants.some((g) => g.role === "data_officer");
  const selected = filters.providerUnitId
    ? [`p:${filters.providerUnitId}`]
    : filters.classification
      ? [filters.subclass ? `c:${filters.classification}:${filters.subclass}` : `c:${filters.classification}`]
      : [];
  const onSelect = (keys: React.Key[]) => {
    const key = String(keys[0] ?? "");
    const [kind, value, subclass] = key.split(":");
    list.setFilters({
      q: filters.q,
      classification: kind === "c" ? value : undefined,
      subclass: kind === "c" ? subclass : undefined,
      providerUnitId: kind === "p" ? value : undefined,
    });
  };
  return (
    <PageContainer
      title="数据资源目录"
      description="政务信息资源目录：按分类、按提供方浏览，查看信息项、批次、质量与授权。"
    >
      <Row gutter={16}>
        <Col xs={24} md={7} xl={6}>
          <Card size="small" title="资源目录树">
            <Tree
              treeData={treeData}
              selectedKeys={selected}
              onSelect={onSelect}
              defaultExpandAll
              key={treeData.length}
              aria-label="资源目录树"
            />
          </Card>
        </Col>
        <Col xs={24} md={17} xl={18}>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <Card size="small">
              <Form
                layout="inline"
                initialValues={filters}
                key={search.toString()}
                onFinish={(v: Record<string, string | undefined>) =>
                  list.setFilters({ ...v, providerUnitId: filters.providerUnitId })
                }
              >
                <Form.Item name="q">
                  <Input placeholder="资源名称、代码或摘要" allowClear style={{ width: 240 }} aria-label="搜索资源" />
                </Form.Item>
                <Form.Item name="classification">
                  <Select placeholder="资源分类" options={CLASS_OPTIONS} allowClear style={{ width: 160 }} />
                </Form.Item>
                <Button type="primary" htmlType="submit">
                  查询
                </Button>
              </Form>
            </Card>
            <Card
              size="small"
              title={`共 ${list.query.data?.total ?? 0} 个资源`}
              extra={
                <Space>
                  <Button icon={<DownloadOutlined />} href={dataApi.exportUrl()}>
                    导出 Excel
                  </Button>
                  {canEdit && (
                    <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                      导入 Excel
                    </Button>
                  )}
                  {canEdit && (
                    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                      登记资源
                    </Button>
                  )}
                </Space>
              }
            >
              <PagedTable<Summary>
                list={list}
                rowKey="id"
                size="small"
                unit="个"
                columns={[
                  { title: "资源代码", dataIndex: "code", width: 140 },
                  {
                    title: "资源名称",
                    dataIndex: "name",
                    render: (name: string, r) => <Link to={`/data/resources/${r.code}`}>{name}</Link>,
                  },
                  { title: "提供方", dataIndex: "providerName" },
                  {
                    title: "分类",
                    render: (_: unknown, r) =>
                      `${RESOURCE_CLASS_LABELS[r.classification as ResourceClass]}／${r.subclass}`,
                  },
                  {
                    title: "格式",
                    dataIndex: "format",
                    width: 70,
                    render: (f: Summary["format"]) => RESOURCE_FORMAT_LABELS[f],
                  },
                  {
                    title: "共享类型",
                    dataIndex: "shareType",
                    width: 110,
                    render: (s: Summary["shareType"]) => <Tag color={SHARE_TYPE_COLORS[s]}>{SHARE_TYPE_LABELS[s]}</Tag>,
                  },
                  {
                    title: "更新周期",
                    dataIndex: "updateCycle",
                    width: 90,
                    render: (u: Summary["updateCycle"]) => UPDATE_CYCLE_LABELS[u],
                  },
                  {
                    title: "汇聚数据量（行）",
                    dataIndex: "aggregatedRows",
                    align: "right",
                    render: (n: number) => n.toLocaleString("zh-CN"),
                  },
                ]}
              />
            </Card>
            <ExemptSourcesCard />
          </Space>
        </Col>
      </Row>
      <ResourceFormModal
        open={creating}
        resource={null}
        onClose={() => setCreating(false)}
        onSaved={(r) => {
          setCreating(false);
          void navigate(`/data/resources/${r.code}`);
        }}
      />
      <ResourceImportModal open={importing} onClose={() => setImporting(false)} onDone={() => setImporting(false)} />
    </PageContainer>
  );
}
