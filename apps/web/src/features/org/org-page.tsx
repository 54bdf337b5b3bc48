import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Col, Descriptions, Empty, Input, Row, Space, Spin, Tree, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import type { OrgUnit } from "../../../../../packages/contracts/src/org.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { useMe } from "../auth/session.tsx";
import { orgApi, orgKeys } from "./org-api.ts";
import { OrgKindTag } from "./org-kind-tag.tsx";
import { buildOrgTree, type OrgNode } from "./org-tree.ts";
import { type OrgFormMode, OrgUnitFormModal } from "./org-unit-form-modal.tsx";

const TREE_HEIGHT = 560;

function Highlight({ text, q }: { text: string; q: string }) {
  const at = q ? text.toLowerCase().indexOf(q.toLowerCase()) : -1;
  if (at < 0) {
    return <span>{text}</span>;
  }
  return (
    <span>
      {text.slice(0, at)}
      <mark style={{ background: "#ffe58f", padding: 0 }}>{text.slice(at, at + q.length)}</mark>
      {text.slice(at + q.length)}
    </span>
  );
}

export function OrgPage() {
  const me = useMe();
  // The server enforces who may edit; admins are the ones who also see the users menu.
  const canManage = me.can.manageOrg;
  const [q, setQ] = useState("");
  const [selected, setSelected] = useState<OrgUnit | null>(null);
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);
  const [formMode, setFormMode] = useState<OrgFormMode | null>(null);

  // The answer carries the query it was for, so expansion never mixes an old tree with a new search.
  const { data, isFetching: loading } = useQuery({
    queryKey: orgKeys.search(q),
    queryFn: async ({ signal }) => ({ q, units: (await orgApi.tree(q || undefined, signal)).units }),
    placeholderData: keepPreviousData,
  });
  const tree = useMemo(() => buildOrgTree(data?.units ?? []), [data]);

  const expandedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!data || expandedFor.current === data.q) {
      return;
    }
    // A new search shows every match in context; the plain tree starts with its roots open.
    expandedFor.current = data.q;
    setExpandedKeys(data.q ? tree.branchIds : tree.roots.map((r) => r.key));
  }, [data, tree]);

  const current = selected ? (tree.byId.get(selected.id)?.unit ?? selected) : null;
  const parentName = current?.parentId ? tree.byId.get(current.parentId)?.unit.name : undefined;

  const onSaved = (unit: OrgUnit) => {
    setFormMode(null);
    setSelected(unit);
    const parentId = unit.parentId;
    if (parentId) {
      setExpandedKeys((keys) => (keys.includes(parentId) ? keys : [...keys, parentId]));
    }
  };

  const titleRender = (node: OrgNode) => (
    <span style={{ display: "inline-flex", alignItems: "center", gap: 6, whiteSpace: "nowrap" }}>
      <Highlight text={node.unit.name} q={data?.q ?? ""} />
      <OrgKindTag kind={node.unit.kind} compact />
      {node.unit.code && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {node.unit.code}
        </Typography.Text>
      )}
    </span>
  );

  return (
    <PageContainer title="组织机构" description="本租户的行政区划、本局内设机构及区直部门；仅显示您有权查看的范围。">
      <Row gutter={16}>
        <Col xs={24} lg={10} xl={9}>
          <Card title="机构树" styles={{ body: { paddingTop: 12 } }}>
            <Input.Search
              placeholder="输入机构名称或区划代码搜索"
              allowClear
              enterButton
              onSearch={(value) => setQ(value.trim())}
              aria-label="搜索机构"
              style={{ marginBottom: 12 }}
            />
            <Spin spinning={loading}>
              <div data-testid="org-tree" style={{ minHeight: 120 }}>
                {tree.roots.length === 0 && !loading ? (
                  <Empty description={q ? "没有匹配的机构" : "暂无机构"} />
                ) : (
                  <Tree<OrgNode>
                    treeData={tree.roots}
                    height={TREE_HEIGHT}
                    blockNode
                    showLine={{ showLeafIcon: false }}
                    expandedKeys={expandedKeys}
                    onExpand={(keys) => setExpandedKeys(keys.map(String))}
                    selectedKeys={current ? [current.id] : []}
                    onSelect={(_keys, info) => setSelected(info.node.unit)}
                    titleRender={titleRender}
                  />
                )}
              </div>
            </Spin>
          </Card>
        </Col>
        <Col xs={24} lg={14} xl={15}>
          <Card
            title="机构详情"
            extra={
              current &&
              canManage && (
                <Space>
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => setFormMode({ kind: "create", parent: current })}
                  >
                    新增下级机构
                  </Button>
                  <Button icon={<EditOutlined />} onClick={() => setFormMode({ kind: "rename", unit: current })}>
                    重命名
                  </Button>
                </Space>
              )
            }
          >
            {current ? (
              <Descriptions
                column={1}
                bordered
                size="middle"
                styles={{ label: { width: 140 } }}
                items={[
                  { key: "name", label: "名称", children: current.name },
                  { key: "kind", label: "类型", children: <OrgKindTag kind={current.kind} /> },
                  { key: "code", label: "区划代码", children: current.code ?? "—" },
                  { key: "children", label: "下级数量", children: current.childCount },
                  { key: "parent", label: "上级机构", children: parentName ?? "—" },
                ]}
              />
            ) : (
              <Empty description="请在左侧机构树中选择一个机构" />
            )}
          </Card>
        </Col>
      </Row>
      <OrgUnitFormModal mode={formMode} onClose={() => setFormMode(null)} onSaved={onSaved} />
    </PageContainer>
  );
}
