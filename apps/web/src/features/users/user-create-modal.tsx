import { Col, Form, Input, Row, Select } from "antd";
import { USERNAME_PATTERN } from "../../../../../packages/contracts/src/auth.ts";
import type { Role } from "../../../../../packages/contracts/src/common.ts";
import { PHONE_PATTERN, type User } from "../../../../../packages/contracts/src/users.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { PASSWORD_RULES } from "../../shared/password-rules.ts";
import { OrgUnitSelect } from "../org/org-unit-select.tsx";
import { DisplayNameField } from "./display-name-field.tsx";
import { ROLE_OPTIONS } from "./role-options.ts";
import { userKeys, usersApi } from "./users-api.ts";

type Values = {
  username: string;
  displayName: string;
  phone?: string;
  orgUnitId: string;
  password: string;
  roles?: Role[];
};
type Props = { open: boolean; onClose: () => void; onCreated: (user: User) => void };

export function UserCreateModal({ open, onClose, onCreated }: Props) {
  const submit = (values: Values) => {
    const phone = values.phone?.trim();
    return usersApi.create({
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      ...(phone ? { phone } : {}),
      orgUnitId: values.orgUnitId,
      password: values.password,
      roles: values.roles ?? [],
    });
  };
  return (
    <FormModal<Values, User>
      title="新增用户"
      open={open}
      width={680}
      onClose={onClose}
      submit={submit}
      success={(user) => `已新增用户「${user.displayName}」`}
      invalidates={[userKeys.all]}
      onDone={onCreated}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="username"
            label="用户名"
            rules={[
              { required: true, message: "请输入用户名" },
              { pattern: USERNAME_PATTERN, message: "用户名须以小写字母开头，3–32位小写字母、数字或 _ . -" },
            ]}
          >
            <Input placeholder="如：zhang.san" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <DisplayNameField placeholder="请输入姓名" />
        </Col>
        <Col span={12}>
          <Form.Item
            name="phone"
            label="手机号"
            rules={[{ pattern: PHONE_PATTERN, message: "手机号应为11位大陆手机号" }]}
          >
            <Input placeholder="选填，11位手机号" maxLength={11} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="password" label="初始密码" rules={PASSWORD_RULES} extra="至少8位，须同时包含字母和数字">
            <Input.Password placeholder="请输入初始密码" autoComplete="new-password" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="orgUnitId" label="所属机构" rules={[{ required: true, message: "请选择所属机构" }]}>
            <OrgUnitSelect placeholder="请选择所属机构" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="roles"
            label="角色"
            extra="角色授予在所属机构上；其他机构的授权可在创建后通过「授权」添加。"
            rules={[{ type: "array", max: 10, message: "最多选择10个角色" }]}
          >
            <Select mode="multiple" options={ROLE_OPTIONS} placeholder="请选择角色（可多选）" allowClear />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
