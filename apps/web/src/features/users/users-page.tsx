import { PlusOutlined, SearchOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Badge, Button, Card, Form, Input, Popconfirm, Space, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { ROLE_LABELS } from "../../../../../packages/contracts/src/common.ts";
import type { User } from "../../../../../packages/contracts/src/users.ts";
import { PageContainer } from "../../layout/page-container.tsx";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { formatDateTime, isFuture } from "../../shared/format.ts";
import { PagedTable, RefreshButton, usePagedList } from "../../shared/paged-list.tsx";
import { GrantsDrawer } from "./grants-drawer.tsx";
import { ResetPasswordModal } from "./reset-password-modal.tsx";
import { UserCreateModal } from "./user-create-modal.tsx";
import { UserEditModal } from "./user-edit-modal.tsx";
import { userKeys, usersApi } from "./users-api.ts";

function UserStatus({ user }: { user: User }) {
  if (user.disabled) {
    return <Badge status="default" text="停用" />;
  }
  if (isFuture(user.lockedUntil)) {
    return <Badge status="error" text={`锁定至 ${formatDateTime(user.lockedUntil)}`} />;
  }
  return <Badge status="success" text="启用" />;
}

export function UsersPage() {
  const [params] = useSearchParams();
  const q = params.get("q") ?? "";
  const [searchForm] = Form.useForm<{ q?: string }>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();

  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [granting, setGranting] = useState<User | null>(null);
  // Unmasked numbers fetched through the audited contact endpoint, by user id.
  const [revealed, setRevealed] = useState<Record<string, string | null>>({});

  const queryClient = useQueryClient();
  const list = usePagedList({ filters: { q: q || undefined }, queryKey: userKeys.list, load: usersApi.list });
  const reload = () => void queryClient.invalidateQueries({ queryKey: userKeys.all });

  const search = (values: { q?: string }) => list.setFilters({ q: values.q?.trim() });
  const reset = () => {
    searchForm.resetFields();
    list.setFilters({});
  };

  const reveal = async (user: User) => {
    try {
      const { phone } = await usersApi.contact(user.id);
      setRevealed((r) => ({ ...r, [user.id]: phone }));
      void message.info("已显示完整手机号，本次查看已记入审计日志");
    } catch (err) {
      handleError(err);
    }
  };

  const columns: TableColumnsType<User> = [
    { title: "用户名", dataIndex: "username", width: 140 },
    { title: "姓名", dataIndex: "displayName", width: 110 },
    { title: "所属机构", dataIndex: "orgUnitName", width: 200, ellipsis: true },
    {
      title: "手机号",
      key: "phone",
      width: 130,
      render: (_v, user) => (user.id in revealed ? revealed[user.id] : user.phone) ?? "—",
    },
    {
      title: "角色",
      key: "grants",
      width: 300,
      render: (_v, user) =>
        user.grants.length === 0 ? (
          "—"
        ) : (
          <Space size={[0, 4]} wrap>
            {user.grants.map((g) => (
              <Tag key={g.id} color="blue">
                {ROLE_LABELS[g.role]}@{g.orgUnitName}
              </Tag>
            ))}
          </Space>
        ),
    },
    { title: "状态", key: "status", width: 190, render: (_v, user) => <UserStatus user={user} /> },
    { title: "创建时间", dataIndex: "createdAt", width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: "操作",
      key: "actions",
      fixed: "right",
      width: 290,
      render: (_v, user) => (
        <Space size={0} wrap={false}>
          <Button type="link" size="small" onClick={() => setEditing(user)}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => setGranting(user)}>
            授权
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(user)}>
            重置密码
          </Button>
          <Popconfirm
            title="查看完整手机号"
            description="此操作将记入审计日志"
            okText="确认查看"
            onConfirm={() => void reveal(user)}
            disabled={user.phone === null || user.id in revealed}
          >
            <Button type="link" size="small" disabled={user.phone === null || user.id in revealed}>
              查看手机号
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title="用户与角色" description="管理本租户的用户账号及其在各机构上的角色授权。">
      <Card style={{ marginBottom: 16 }}>
        <Form form={searchForm} layout="inline" initialValues={{ q }} onFinish={search}>
          <Form.Item name="q" label="关键字">
            <Input placeholder="用户名 / 姓名" allowClear style={{ width: 240 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                查询
              </Button>
              <Button onClick={reset}>重置</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card
        title="用户列表"
        extra={
          <Space>
            <RefreshButton list={list} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新增用户
            </Button>
          </Space>
        }
      >
        <PagedTable<User> list={list} rowKey="id" columns={columns} scroll={{ x: 1530 }} />
      </Card>
      <UserCreateModal open={creating} onClose={() => setCreating(false)} onCreated={() => setCreating(false)} />
      <UserEditModal
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          // A revealed number may now be out of date.
          setRevealed((r) => Object.fromEntries(Object.entries(r).filter(([id]) => id !== saved.id)));
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <GrantsDrawer
        user={granting}
        onClose={() => setGranting(null)}
        onChanged={(user) => {
          setGranting(user);
          reload();
        }}
      />
    </PageContainer>
  );
}
