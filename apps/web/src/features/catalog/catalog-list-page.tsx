import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Card, DatePicker, Form, Input, Select, Space, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import {
  ITEM_LEVEL_LABELS,
  ITEM_TYPE_LABELS,
  type ItemSummary,
} from "../../../../../packages/contracts/src/catalog.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { PagedTable, usePagedList } from "../../shared/paged-list.tsx";
import { useMe } from "../auth/session.tsx";
import { OrgUnitSelect } from "../org/org-unit-select.tsx";
import { catalogApi, catalogKeys } from "./catalog-api.ts";
import { CatalogImportModal } from "./catalog-import-modal.tsx";
import { CatalogItemFormModal } from "./catalog-item-form.tsx";
import {
  FLAG_LABELS,
  FLAG_OPTIONS,
  LEVEL_OPTIONS,
  LIST_FILTERS,
  SOURCE_OPTIONS,
  TYPE_OPTIONS,
} from "./catalog-options.ts";

function flagsOf(i: ItemSummary): string[] {
  const flags: string[] = [];
  if (i.materialsReduced) {
    flags.push(FLAG_LABELS.materialsReduced);
  }
  if (i.deferrable) {
    flags.push(FLAG_LABELS.deferrable);
  }
  if (i.policyBenefit) {
    flags.push(FLAG_LABELS.policyBenefit);
  }
  if (i.crossRegionScopes.length > 0) {
    flags.push(FLAG_LABELS.crossRegion);
  }
  return flags;
}

/** 事项目录: filters in the URL (the metrics' drill-down lands here), Excel round trip, new items. */
export function CatalogListPage() {
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const query = Object.fromEntries(LIST_FILTERS.map((k) => [k, search.get(k) ?? undefined]));
  const queryClient = useQueryClient();
  const list = usePagedList({ filters: query, queryKey: catalogKeys.list, load: catalogApi.list });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
  const canEdit = me.grants.some((g) => g.role === "catalog_manager");
  const apply = (values: Record<string, string | dayjs.Dayjs | undefined>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) {
      const text = dayjs.isDayjs(v) ? v.format("YYYY-MM-DD") : v;
      if (text) {
        next.set(k, text);
      }
    }
    setSearch(next);
  };
  return (
    <PageContainer title="政务服务事项目录">
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Card size="small">
          <Form
            layout="inline"
            initialValues={{ ...query, asOf: query.asOf ? dayjs(query.asOf) : undefined }}
            onFinish={apply}
            key={search.toString()}
          >
            <Form.Item name="q">
              <Input placeholder="名称、编码、关键词或材料" allowClear style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="departmentId" style={{ width: 240 }}>
              <OrgUnitSelect placeholder="主管部门" />
            </Form.Item>
            <Form.Item name="type">
              <Select placeholder="事项类型" options={TYPE_OPTIONS} allowClear style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="level">
              <Select placeholder="层级" options={LEVEL_OPTIONS} allowClear style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="flag">
              <Select placeholder="标志" options={FLAG_OPTIONS} allowClear style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="materialSource">
              <Select placeholder="材料来源" options={SOURCE_OPTIONS} allowClear style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="asOf" tooltip="查看某日结束时的目录">
              <DatePicker placeholder="截至日期" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
          </Form>
        </Card>
        <Card
          size="small"
          title={`共 ${list.query.data?.total ?? 0} 项${query.asOf ? `（截至 ${query.asOf}）` : ""}`}
          extra={
            <Space>
              <Button icon={<DownloadOutlined />} href={catalogApi.exportUrl(query.asOf)}>
                导出 Excel
              </Button>
              {canEdit && (
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  导入 Excel
                </Button>
              )}
              {canEdit && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                  新增事项
                </Button>
              )}
            </Space>
          }
        >
          <PagedTable<ItemSummary>
            list={list}
            rowKey="id"
            size="small"
            columns={[
              { title: "事项编码", dataIndex: "code", width: 130 },
              {
                title: "事项名称",
                dataIndex: "name",
                render: (name: string, i) => (
                  <Link to={`/catalog/items/${i.id}${query.asOf ? `?asOf=${query.asOf}` : ""}`}>{name}</Link>
                ),
              },
              {
                title: "层级",
                dataIndex: "level",
                width: 100,
                render: (l: ItemSummary["level"]) => ITEM_LEVEL_LABELS[l],
              },
              { title: "类型", dataIndex: "type", width: 110, render: (t: ItemSummary["type"]) => ITEM_TYPE_LABELS[t] },
              { title: "主管部门", dataIndex: "departmentName" },
              { title: "承诺时限", dataIndex: "promisedLimitDays", width: 90, render: (d: number) => `${d} 个工作日` },
              {
                title: "材料（免提交）",
                width: 120,
                render: (_: unknown, i) => `${i.materialCount}（${i.exemptCount}）`,
              },
              {
                title: "标志",
                render: (_: unknown, i) => flagsOf(i).map((f) => <Tag key={f}>{f}</Tag>),
              },
            ]}
          />
        </Card>
        <CatalogImportModal open={importing} onClose={() => setImporting(false)} onDone={() => setImporting(false)} />
        <CatalogItemFormModal
          open={creating}
          item={null}
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            refresh();
          }}
        />
      </Space>
    </PageContainer>
  );
}
