import { Checkbox, Form, Input, Switch } from "antd";
import { PHONE_PATTERN, type UpdateUserInput, type User } from "../../../../../packages/contracts/src/users.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { DisplayNameField } from "./display-name-field.tsx";
import { userKeys, usersApi } from "./users-api.ts";

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
  const clearPhone = Form.useWatch("clearPhone", form);
  // Nothing changed: nothing is sent, and the dialog closes as after a save.
  const submit = async (values: Values): Promise<User | null> => {
    const changes = user ? changesOf(user, values) : {};
    return user && Object.keys(changes).length > 0 ? usersApi.update(user.id, changes) : null;
  };
  return (
    <FormModal<Values, User | null>
      title={user ? `编辑用户 — ${user.username}` : "编辑用户"}
      open={user !== null}
      onClose={onClose}
      form={form}
      initialValues={user ? { displayName: user.displayName, enabled: !user.disabled } : undefined}
      submit={submit}
      success={(saved) => (saved ? `已保存「${saved.displayName}」的信息` : "没有需要保存的修改")}
      invalidates={[userKeys.all]}
      onDone={(saved) => (saved ? onSaved(saved) : onClose())}
    >
      {user && (
        <>
          <DisplayNameField />
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
        </>
      )}
    </FormModal>
  );
}
