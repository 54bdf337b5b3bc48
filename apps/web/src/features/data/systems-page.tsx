import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, Segmented, Select, Space, Switch, Tag } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type { InfoSystem, SystemInput } from "../../../../../packages/contracts/src/data-sharing.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { FormModal } from "../../shared/form-modal.tsx";
import { formatMinute } from "../../shared/format.ts";
import { PagedTable, usePagedList } from "../../shared/paged-list.tsx";
import { useMe } from "../auth/session.tsx";
import { OrgUnitSelect } from "../org/org-unit-select.tsx";
import { dataApi, dataKeys } from "./data-api.ts";

const LEVEL_OPTIONS = [1, 2, 3, 4, 5].map((l) => ({ value: l, label: `第${"一二三四五"[l - 1]}级` }));
const NEW_SYSTEM: Partial<SystemInput> = { onGovCloud: true, protectionLevel: 2, provides: [], consumes: [] };

const codes = (list: string[]) =>
  list.length === 0
    ? "—"
    : list.map((c) => (
        <Link key={c} to={`/data/resources/${c}`} style={{ marginRight: 8 }}>
          {c}
        </Link>
      ));

/** 信息系统台账: the district's information systems, where they run, their 等保 level and data links. */
export function SystemsPage() {
  const me = useMe();
  const [search] = useSearchParams();
  const cloud = search.get("onGovCloud") ?? undefined;
  const list = usePagedList({ filters: { onGovCloud: cloud }, queryKey: dataKeys.systems, load: dataApi.systems });
  // undefined: closed; null: a new system.
  const [editing, setEditing] = useState<InfoSystem | null | undefined>(undefined);
  const canEdit = me.grants.some((g) => g.role === "data_officer");
  // The server counts the filter's systems on the 政务云 over all pages, not only this one.
  const data = list.query.data;
  const cloudTotal = data && "onGovCloud" in data && typeof data.onGovCloud === "number" ? data.onGovCloud : 0;
  return (
    <PageContainer
      title="信息系统台账"
      description="全区业务信息系统：建设（使用）单位、是否部署在政务云、等保级别、提供与使用的数据资源。"
    >
      <Card
        size="small"
        title={
          <Space>
            {`共 ${list.query.data?.total ?? 0} 个系统，其中部署在政务云 ${cloudTotal} 个`}
            <Segmented
              size="small"
              value={cloud ?? "all"}
              options={[
                { value: "all", label: "全部" },
                { value: "true", label: "政务云" },
                { value: "false", label: "自建" },
              ]}
              onChange={(v) => list.setFilters({ onGovCloud: v === "all" ? undefined : String(v) })}
            />
          </Space>
        }
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              登记系统
            </Button>
          )
        }
      >
        <PagedTable<InfoSystem>
          list={list}
          rowKey="id"
          size="small"
          unit="个"
          columns={[
            { title: "系统名称", dataIndex: "name" },
            { title: "建设（使用）单位", dataIndex: "ownerName" },
            {
              title: "政务云",
              dataIndex: "onGovCloud",
              width: 90,
              render: (c: boolean) => (c ? <Tag color="blue">政务云</Tag> : <Tag>自建</Tag>),
            },
            {
              title: "等保级别",
              dataIndex: "protectionLevel",
              width: 90,
              render: (l: number) => `第${"一二三四五"[l - 1]}级`,
            },
            { title: "提供资源", dataIndex: "provides", render: codes },
            { title: "使用资源", dataIndex: "consumes", render: codes },
            { title: "更新时间", dataIndex: "updatedAt", width: 150, render: (t: string) => formatMinute(t) },
            ...(canEdit
              ? [
                  {
                    title: "操作",
                    width: 70,
                    render: (_: unknown, s: InfoSystem) => (
                      <Button size="small" type="link" onClick={() => setEditing(s)}>
                        修改
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <FormModal<SystemInput, InfoSystem>
        title={editing ? `修改信息系统 — ${editing.name}` : "登记信息系统"}
        name="info-system"
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
        submit={(v) => (editing ? dataApi.updateSystem(editing.id, v) : dataApi.createSystem(v))}
        success={(s) => `已保存「${s.name}」`}
        invalidates={[dataKeys.all]}
        onDone={() => setEditing(undefined)}
        initialValues={editing ?? NEW_SYSTEM}
      >
        <Form.Item name="name" label="系统名称" rules={[{ required: true, message: "系统名称必填" }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="ownerUnitId"
          label="建设（使用）单位"
          rules={[{ required: true, message: "请选择建设（使用）单位" }]}
        >
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item name="onGovCloud" label="部署在政务云" valuePropName="checked">
          <Switch aria-label="部署在政务云" />
        </Form.Item>
        <Form.Item name="protectionLevel" label="等保级别">
          <Select options={LEVEL_OPTIONS} />
        </Form.Item>
        <Form.Item name="provides" label="提供的数据资源（资源代码）">
          <Select mode="tags" open={false} placeholder="输入资源代码后回车" />
        </Form.Item>
        <Form.Item name="consumes" label="使用的数据资源（资源代码）">
          <Select mode="tags" open={false} placeholder="输入资源代码后回车" />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
