import { SearchOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Form, Input, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { pickedInstant, pickerValue } from "../../shared/format.ts";
import { ACTION_OPTIONS, ENTITY_OPTIONS } from "./audit-labels.ts";

export type AuditFilters = {
  action?: string | undefined;
  entityType?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

type Values = {
  action?: string;
  entityType?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

type Props = { value: AuditFilters; onSearch: (filters: AuditFilters) => void };

// Computed per render so "今天" stays right on a page left open overnight.
function rangePresets(): { label: string; value: [Dayjs, Dayjs] }[] {
  // "Today" is Beijing's today, also in a browser that runs in UTC.
  const end = pickerValue().endOf("day");
  return [
    { label: "今天", value: [pickerValue().startOf("day"), end] },
    { label: "最近7天", value: [pickerValue().subtract(6, "day").startOf("day"), end] },
    { label: "最近30天", value: [pickerValue().subtract(29, "day").startOf("day"), end] },
  ];
}

function toRange(from?: string, to?: string): [Dayjs | null, Dayjs | null] | null {
  if (!from && !to) {
    return null;
  }
  return [from ? pickerValue(from) : null, to ? pickerValue(to) : null];
}

/** 操作 / 对象类型 / 操作人 / 时间范围; the parent keeps the values in the URL. */
export function AuditFilterForm({ value, onSearch }: Props) {
  const [form] = Form.useForm<Values>();
  const initialValues: Values = {
    action: value.action,
    entityType: value.entityType,
    actor: value.actor,
    range: toRange(value.from, value.to),
  };

  const submit = (values: Values) =>
    onSearch({
      action: values.action?.trim() || undefined,
      entityType: values.entityType || undefined,
      actor: values.actor?.trim() || undefined,
      // Beijing wall-clock times as absolute instants, as the API expects, whatever the browser's zone.
      from: values.range?.[0] ? pickedInstant(values.range[0]) : undefined,
      to: values.range?.[1] ? pickedInstant(values.range[1]) : undefined,
    });

  return (
    <Card style={{ marginBottom: 16 }}>
      <Form<Values> form={form} layout="inline" initialValues={initialValues} onFinish={submit} style={{ rowGap: 16 }}>
        <Form.Item name="action" label="操作">
          <Select
            options={ACTION_OPTIONS}
            placeholder="全部（可输入筛选，如：登录）"
            allowClear
            style={{ width: 240 }}
            showSearch={{
              // Matches the Chinese label or the raw code, so both 登录 and auth.login find it.
              filterOption: (input, option) =>
                `${option?.label ?? ""} ${option?.value ?? ""}`.toLowerCase().includes(input.toLowerCase()),
            }}
          />
        </Form.Item>
        <Form.Item name="entityType" label="对象类型">
          <Select options={ENTITY_OPTIONS} placeholder="全部" allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="actor" label="操作人">
          <Input placeholder="姓名或ID" allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="range" label="时间范围">
          <DatePicker.RangePicker
            showTime
            format="YYYY-MM-DD HH:mm:ss"
            presets={rangePresets()}
            allowEmpty={[true, true]}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button
              onClick={() => {
                form.setFieldsValue({ action: undefined, entityType: undefined, actor: undefined, range: null });
                onSearch({});
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
