import { App, Checkbox, Form, Input, Modal, Switch } from "antd";
import { useState } from "react";
import { PHONE_PATTERN, type UpdateUserInput, type User } from "../../../../../packages/contracts/src/users.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { usersApi } from "./users-api.ts";

type Values = { displayName: string; phone?: string; clearPhone?: boolean; enabled: boolean };
type Props = { user: User | null; onClose: () => void; onSaved: (user: User) => void };

/** Only changed fields are sent; the list shows a masked phone, so a blank phone field means "keep". */
function changesOf(user: User, values: Values): UpdateUserInput {
  const changes: UpdateUserInput = {};
  const displayName = values.displayName.trim();
  if (displayName !== user.displayName) {
    changes.displayName = displayName;
  }
  const phone = values.phone?.trim();
  if (values.clearPhone) {
    changes.phone = null;
  } else if (phone) {
    changes.phone = phone;
  }
  if (values.enabled === user.disabled) {
    changes.disabled = !values.enabled;
  }
  return changes;
}

export function UserEditModal({ user, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const clearPhone = Form.useWatch("clearPhone", form);

  const submit = async (values: Values) => {
    if (!user) {
      return;
    }
    const changes = changesOf(user, values);
    if (Object.keys(changes).length === 0) {
      void message.info("没有需要保存的修改");
      onClose();
      return;
    }
    setSaving(true);
    try {
      const saved = await usersApi.update(user.id, changes);
      void message.success(`已保存「${saved.displayName}」的信息`);
      onSaved(saved);
    } catch (err) {
      handleError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={user ? `编辑用户 — ${user.username}` : "编辑用户"}
      open={user !== null}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      {user && (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ displayName: user.displayName, enabled: !user.disabled }}
          onFinish={(v) => void submit(v)}
          style={{ marginTop: 16 }}
        >
          <Form.Item
            name="displayName"
            label="姓名"
            rules={[
              { required: true, whitespace: true, message: "请输入姓名" },
              { min: 2, message: "姓名至少2个字" },
              { max: 30, message: "姓名不能超过30个字" },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="phone"
            label="手机号"
            extra={`当前：${user.phone ?? "未填写"}。不修改请留空。`}
            rules={[{ pattern: PHONE_PATTERN, message: "手机号应为11位大陆手机号" }]}
          >
            <Input placeholder="输入新的11位手机号" maxLength={11} disabled={Boolean(clearPhone)} />
          </Form.Item>
          {user.phone !== null && (
            <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -8 }}>
              <Checkbox>清除手机号</Checkbox>
            </Form.Item>
          )}
          <Form.Item name="enabled" label="账号状态" valuePropName="checked">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
