import { SearchOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Form, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { OrgUnit } from "../../../../../packages/contracts/src/org.ts";
import { METRIC_GROUPS } from "../../../../../packages/contracts/src/work-orders.ts";
import { monthStart } from "../../shared/months.ts";
import type { GroupBy, MetricsParams } from "./metrics-params.ts";
import { GROUP_LABELS } from "./metrics-table.tsx";
import { CATEGORY_OPTIONS, CHANNEL_OPTIONS, KIND_OPTIONS } from "./work-order-labels.ts";

type Values = {
  period: [Dayjs, Dayjs];
  groupBy: GroupBy;
  kind?: string;
  category?: string;
  channel?: string;
  townId?: string;
};
type Props = { value: MetricsParams; towns: OrgUnit[]; onSearch: (p: MetricsParams) => void };

const GROUP_OPTIONS = METRIC_GROUPS.map((g) => ({ value: g, label: GROUP_LABELS[g] }));

// The month shown is the one written in the +08:00 string, not the browser's zone.
const monthOf = (iso: string) => dayjs(iso.slice(0, 7));

/** Whole years first, as the bureau reports; any month range can be picked. */
function presets(): { label: string; value: [Dayjs, Dayjs] }[] {
  const thisYear = dayjs().year();
  const years = [thisYear, thisYear - 1, thisYear - 2, thisYear - 3, 2022].filter((y, i, a) => a.indexOf(y) === i);
  return years.map((y) => ({ label: `${y}年`, value: [dayjs(`${y}-01`), dayjs(`${y}-12`)] }));
}

export function MetricsFilterForm({ value, towns, onSearch }: Props) {
  const [form] = Form.useForm<Values>();
  // `to` is exclusive, so the last month shown is the one before it.
  const lastMonth = monthOf(value.to).subtract(1, "month");
  const initialValues: Values = {
    period: [monthOf(value.from), lastMonth.isBefore(monthOf(value.from)) ? monthOf(value.from) : lastMonth],
    groupBy: value.groupBy,
    kind: value.kind,
    category: value.category,
    channel: value.channel,
    townId: value.townId,
  };
  const submit = (v: Values) =>
    onSearch({
      ...value,
      from: monthStart(v.period[0].format("YYYY-MM")),
      to: monthStart(v.period[1].add(1, "month").format("YYYY-MM")),
      groupBy: v.groupBy,
      kind: v.kind,
      category: v.category,
      channel: v.channel,
      townId: v.townId,
    });

  return (
    <Card style={{ marginBottom: 16 }}>
      <Form<Values>
        name="wo-metrics-filter"
        form={form}
        layout="inline"
        initialValues={initialValues}
        onFinish={submit}
        style={{ rowGap: 16 }}
      >
        <Form.Item name="period" label="统计期" rules={[{ required: true, message: "请选择统计期" }]}>
          <DatePicker.RangePicker picker="month" presets={presets()} allowClear={false} />
        </Form.Item>
        <Form.Item name="groupBy" label="分组">
          <Select options={GROUP_OPTIONS} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="kind" label="工单类型">
          <Select options={KIND_OPTIONS} placeholder="全部" allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="category" label="诉求分类">
          <Select options={CATEGORY_OPTIONS} placeholder="全部" allowClear style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="channel" label="来源渠道">
          <Select options={CHANNEL_OPTIONS} placeholder="全部" allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="townId" label="镇街">
          <Select
            options={towns.map((t) => ({ value: t.id, label: t.name }))}
            placeholder="全部"
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            style={{ width: 140 }}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            统计
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
