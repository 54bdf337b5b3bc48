import { Col, DatePicker, Form, Input, Row, Select } from "antd";
import type { Dayjs } from "dayjs";
import type {
  WoCategory,
  WoChannel,
  WoKind,
  WorkOrder,
  WoUrgency,
} from "../../../../../packages/contracts/src/work-orders.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { pickedInstant, pickerValue } from "../../shared/format.ts";
import { useOrgUnits } from "./use-org-units.ts";
import { CATEGORY_OPTIONS, CHANNEL_OPTIONS, KIND_OPTIONS, URGENCY_OPTIONS } from "./work-order-labels.ts";
import { workOrderKeys, workOrdersApi } from "./work-orders-api.ts";

// Field names follow the API body so validation errors land on the right field.
type Values = {
  receivedAt: Dayjs;
  kind: WoKind;
  category: WoCategory;
  urgency: WoUrgency;
  channel: WoChannel;
  title: string;
  content: string;
  callerName?: string;
  callerPhone?: string;
  townCode?: string;
  communityCode?: string;
  address?: string;
  campaignTags?: string[];
};
type Props = { open: boolean; onClose: () => void; onCreated: (wo: WorkOrder) => void };

const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** 登记来电: the dispatcher records a call taken on the district line. */
export function WorkOrderCreateModal({ open, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const { towns, communitiesOf } = useOrgUnits();
  const townCode = Form.useWatch("townCode", form);
  const town = towns.find((t) => t.code === townCode);
  const communities = town ? communitiesOf(town.id) : [];

  const submit = (v: Values) => {
    const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
    return workOrdersApi.create({
      // The picker shows Beijing wall-clock time; send the instant it means.
      receivedAt: pickedInstant(v.receivedAt),
      kind: v.kind,
      category: v.category,
      urgency: v.urgency,
      channel: v.channel,
      title: v.title.trim(),
      content: v.content.trim(),
      callerName: opt(v.callerName),
      callerPhone: opt(v.callerPhone),
      townCode: v.townCode,
      communityCode: v.communityCode,
      address: opt(v.address),
      campaignTags: v.campaignTags ?? [],
    });
  };

  return (
    <FormModal<Values, WorkOrder>
      title="登记来电"
      name="wo-create"
      open={open}
      width={760}
      onClose={onClose}
      okText="登记"
      form={form}
      initialValues={{
        receivedAt: pickerValue(),
        kind: "hotline",
        urgency: "normal",
        channel: "phone",
        campaignTags: [],
      }}
      submit={submit}
      success={(wo) => `已登记工单 ${wo.number}`}
      invalidates={[workOrderKeys.all]}
      onDone={onCreated}
    >
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="receivedAt" label="受理时间" rules={[{ required: true, message: "请选择受理时间" }]}>
            <DatePicker showTime format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="kind" label="工单类型" rules={[{ required: true, message: "请选择工单类型" }]}>
            <Select options={KIND_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="category" label="诉求分类" rules={[{ required: true, message: "请选择诉求分类" }]}>
            <Select options={CATEGORY_OPTIONS} placeholder="请选择" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="urgency" label="紧急程度" rules={[{ required: true }]}>
            <Select options={URGENCY_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="channel" label="来源渠道" rules={[{ required: true }]}>
            <Select options={CHANNEL_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="campaignTags" label="专项标签" rules={[{ type: "array", max: 5, message: "最多5个标签" }]}>
            <Select mode="tags" placeholder="输入后回车，选填" tokenSeparators={[",", "，"]} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="title"
            label="标题"
            rules={[
              { required: true, whitespace: true, message: "请输入标题" },
              { max: 100, message: "标题不能超过100字" },
            ]}
          >
            <Input placeholder="一句话概括诉求" maxLength={100} showCount />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="content"
            label="诉求内容"
            rules={[
              { required: true, whitespace: true, message: "请输入诉求内容" },
              { max: 4000, message: "诉求内容不能超过4000字" },
            ]}
          >
            <Input.TextArea rows={4} placeholder="来电人反映的具体情况" maxLength={4000} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="callerName" label="来电人" rules={[{ max: 30, message: "不能超过30字" }]}>
            <Input placeholder="选填" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="callerPhone"
            label="联系电话"
            rules={[{ pattern: PHONE_PATTERN, message: "请输入11位手机号或带区号的固话" }]}
          >
            <Input placeholder="选填，市民凭后4位查询进度" maxLength={13} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="townCode" label="镇街">
            <Select
              options={towns.flatMap((t) => (t.code ? [{ value: t.code, label: t.name }] : []))}
              placeholder="选填"
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              onChange={() => form.setFieldValue("communityCode", undefined)}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="communityCode" label="村居">
            <Select
              options={communities.map((c) => ({ value: c.code, label: c.name }))}
              placeholder={town ? "选填" : "请先选择镇街"}
              disabled={!town}
              allowClear
              showSearch={{ optionFilterProp: "label" }}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label="地址" rules={[{ max: 200, message: "地址不能超过200字" }]}>
            <Input placeholder="选填，事发地点" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
