import { Form, Input } from "antd";

/** 姓名, with the limits the server checks (2–30 characters). */
export function DisplayNameField({ placeholder }: { placeholder?: string }) {
  return (
    <Form.Item
      name="displayName"
      label="姓名"
      rules={[
        { required: true, whitespace: true, message: "请输入姓名" },
        { min: 2, message: "姓名至少2个字" },
        { max: 30, message: "姓名不能超过30个字" },
      ]}
    >
      <Input placeholder={placeholder} />
    </Form.Item>
  );
}
