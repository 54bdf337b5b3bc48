import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Descriptions, Divider, Drawer, Form, Popconfirm, Select, Table, Tag } from "antd";
import { useState } from "react";
import type { Grant } from "../../../../../packages/contracts/src/auth.ts";
import { ROLE_LABELS, type Role } from "../../../../../packages/contracts/src/common.ts";
import type { User } from "../../../../../packages/contracts/src/users.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { OrgUnitSelect } from "../org/org-unit-select.tsx";
import { ROLE_OPTIONS } from "./role-options.ts";
import { usersApi } from "./users-api.ts";

type Values = { role: Role; orgUnitId: string };
type Props = { user: User | null; onClose: () => void; onChanged: (user: User) => void };

/** Lists a user's role grants and lets an admin add or revoke them. */
export function GrantsDrawer({ user, onClose, onChanged }: Props) {
  const [form] = Form.useForm<Values>();
  const [adding, setAdding] = useState(false);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();

  const add = async (values: Values) => {
    if (!user) {
      return;
    }
    setAdding(true);
    try {
      const updated = await usersApi.addGrant(user.id, values);
      void message.success(`已授予「${ROLE_LABELS[values.role]}」`);
      form.resetFields(["role"]);
      onChanged(updated);
    } catch (err) {
      handleError(err, form);
    } finally {
      setAdding(false);
    }
  };

  const remove = async (grant: Grant) => {
    if (!user) {
      return;
    }
    setRemovingId(grant.id);
    try {
      const updated = await usersApi.removeGrant(user.id, grant.id);
      void message.success(`已撤销「${ROLE_LABELS[grant.role]}@${grant.orgUnitName}」`);
      onChanged(updated);
    } catch (err) {
      handleError(err);
    } finally {
      setRemovingId(null);
    }
  };

  return (
    <Drawer
      title={user ? `授权管理 — ${user.displayName}` : "授权管理"}
      open={user !== null}
      onClose={onClose}
      size={560}
      destroyOnHidden
    >
      {user && (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: "user", label: "用户", children: `${user.displayName}（${user.username}）` },
              { key: "org", label: "所属机构", children: user.orgUnitName },
            ]}
            style={{ marginBottom: 16 }}
          />
          <Table<Grant>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={user.grants}
            locale={{ emptyText: "暂无授权" }}
            columns={[
              { title: "角色", dataIndex: "role", render: (role: Role) => <Tag color="blue">{ROLE_LABELS[role]}</Tag> },
              { title: "授权机构", dataIndex: "orgUnitName" },
              {
                title: "操作",
                key: "actions",
                width: 80,
                render: (_v, grant) => (
                  <Popconfirm
                    title="撤销授权"
                    description={`确定撤销「${ROLE_LABELS[grant.role]}@${grant.orgUnitName}」？`}
                    okText="撤销"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => void remove(grant)}
                  >
                    <Button type="link" danger size="small" icon={<DeleteOutlined />} loading={removingId === grant.id}>
                      删除
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
          <Divider titlePlacement="start">新增授权</Divider>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ orgUnitId: user.orgUnitId }}
            onFinish={(v) => void add(v)}
          >
            <Form.Item name="role" label="角色" rules={[{ required: true, message: "请选择角色" }]}>
              <Select options={ROLE_OPTIONS} placeholder="请选择角色" />
            </Form.Item>
            <Form.Item name="orgUnitId" label="授权机构" rules={[{ required: true, message: "请选择授权机构" }]}>
              <OrgUnitSelect placeholder="请选择授权机构" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={adding}>
              添加授权
            </Button>
          </Form>
        </>
      )}
    </Drawer>
  );
}
