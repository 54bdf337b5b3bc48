import { SearchOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Form, Input, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import type { OrgUnit } from "../../../../../packages/contracts/src/org.ts";
import { bureauTime, pickedInstant, pickerValue } from "../../shared/format.ts";
import type { WoFilters } from "./work-order-filters.ts";
import { CATEGORY_OPTIONS, CHANNEL_OPTIONS, KIND_OPTIONS, URGENCY_OPTIONS } from "./work-order-labels.ts";

/** The form's own fields; the drill-down ones (metric, unit, campaign, status) pass through untouched. */
type FormFilters = Pick<WoFilters, "kind" | "category" | "urgency" | "channel" | "townId" | "q" | "from" | "to">;

type Values = {
  kind?: string;
  category?: string;
  urgency?: string;
  channel?: string;
  townId?: string;
  q?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
};

/** A picked day as the Beijing midnight it starts with, e.g. "2022-03-01T00:00:00+08:00". */
function beijingMidnight(day: Dayjs | null | undefined): string | undefined {
  return day ? bureauTime(pickedInstant(day.startOf("day"))).format() : undefined;
}

type Props = { value: WoFilters; towns: OrgUnit[]; onSearch: (filters: FormFilters) => void };

// `to` is exclusive: a range ending at midnight shows the day before as its last day.
function toRange(from?: string, to?: string): Values["range"] {
  if (!from && !to) {
    return null;
  }
  // Pickers show Beijing wall-clock days, whatever the browser's own zone.
  const start = from ? pickerValue(from) : null;
  if (!to) {
    return [start, null];
  }
  const end = pickerValue(to);
  return [start, end.isSame(end.startOf("day")) ? end.subtract(1, "day") : end];
}

export function WorkOrderFilterForm({ value, towns, onSearch }: Props) {
  const [form] = Form.useForm<Values>();
  const initialValues: Values = {
    kind: value.kind,
    category: value.category,
    urgency: value.urgency,
    channel: value.channel,
    townId: value.townId,
    q: value.q,
    range: toRange(value.from, value.to),
  };

  const submit = (v: Values) =>
    onSearch({
      kind: v.kind,
      category: v.category,
      urgency: v.urgency,
      channel: v.channel,
      townId: v.townId,
      q: v.q?.trim() || undefined,
      // Whole Beijing days, sent as instants with offset: [start of first day, start of the day after last).
      from: beijingMidnight(v.range?.[0]),
      to: beijingMidnight(v.range?.[1]?.add(1, "day")),
    });

  const townOptions = towns.map((t) => ({ value: t.id, label: t.name }));
  return (
    <Card style={{ marginBottom: 16 }}>
      <Form<Values>
        name="wo-filter"
        form={form}
        layout="inline"
        initialValues={initialValues}
        onFinish={submit}
        style={{ rowGap: 16 }}
      >
        <Form.Item name="kind" label="工单类型">
          <Select options={KIND_OPTIONS} placeholder="全部" allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="category" label="诉求分类">
          <Select options={CATEGORY_OPTIONS} placeholder="全部" allowClear style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="urgency" label="紧急程度">
          <Select options={URGENCY_OPTIONS} placeholder="全部" allowClear style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="channel" label="来源渠道">
          <Select options={CHANNEL_OPTIONS} placeholder="全部" allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="townId" label="镇街">
          <Select
            options={townOptions}
            placeholder="全部"
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            style={{ width: 140 }}
          />
        </Form.Item>
        <Form.Item name="q" label="关键字">
          <Input placeholder="标题 / 市平台工单号" allowClear style={{ width: 200 }} aria-label="关键字" />
        </Form.Item>
        <Form.Item name="range" label="受理日期">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              查询
            </Button>
            <Button
              onClick={() => {
                form.setFieldsValue({
                  kind: undefined,
                  category: undefined,
                  urgency: undefined,
                  channel: undefined,
                  townId: undefined,
                  q: undefined,
                  range: null,
                });
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
