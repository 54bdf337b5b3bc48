import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import {
  FIELD_TYPE_LABELS,
  FIELD_TYPES,
  OPEN_TYPE_LABELS,
  OPEN_TYPES,
  RESOURCE_CLASS_LABELS,
  RESOURCE_CLASSES,
  RESOURCE_FORMAT_LABELS,
  RESOURCE_FORMATS,
  type Resource,
  type ResourceField,
  type ResourceInput,
  SHARE_TYPE_LABELS,
  SHARE_TYPES,
  UPDATE_CYCLE_LABELS,
  UPDATE_CYCLES,
} from "../../../../../packages/contracts/src/data-sharing.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { OrgUnitSelect } from "../org/org-unit-select.tsx";
import { dataApi, dataKeys } from "./data-api.ts";

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

type Values = Omit<ResourceInput, "publishedOn"> & { publishedOn: Dayjs };

const EMPTY_FIELD: ResourceField = {
  name: "",
  type: "C",
  length: 50,
  required: false,
  codeList: null,
  personal: false,
  key: false,
  query: false,
};

function initialOf(r: Resource | null): Record<string, unknown> {
  if (!r) {
    return {
      classification: "department",
      format: "table",
      shareType: "conditional",
      openType: "none",
      updateCycle: "monthly",
      shareMethod: "接口",
      publishedOn: dayjs(),
      fields: [EMPTY_FIELD],
    };
  }
  return { ...r, publishedOn: dayjs(r.publishedOn) };
}

/** The 信息项 editor: one row per field; the server's errors land on e.g. fields.2.name. */
function FieldsEditor() {
  return (
    <Form.List name="fields">
      {(rows, { add, remove }) => (
        <>
          {rows.map(({ key, name }) => (
            <Space key={key} align="baseline" wrap style={{ display: "flex", marginBottom: 4 }}>
              <Form.Item name={[name, "name"]} rules={[{ required: true, message: "信息项名称必填" }]}>
                <Input placeholder="信息项名称" aria-label={`信息项${name + 1}名称`} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={[name, "type"]}>
                <Select options={options(FIELD_TYPES, FIELD_TYPE_LABELS)} style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name={[name, "length"]}>
                <InputNumber min={1} max={4000} placeholder="长度" style={{ width: 80 }} />
              </Form.Item>
              <Form.Item
                name={[name, "codeList"]}
                getValueProps={(v: string[] | null) => ({ value: v ?? [] })}
                normalize={(v: string[]) => (v.length > 0 ? v : null)}
              >
                <Select mode="tags" placeholder="代码集（可选）" style={{ width: 180 }} open={false} />
              </Form.Item>
              <Form.Item name={[name, "required"]} valuePropName="checked">
                <Checkbox>必填</Checkbox>
              </Form.Item>
              <Form.Item name={[name, "key"]} valuePropName="checked">
                <Checkbox>关键项</Checkbox>
              </Form.Item>
              <Form.Item name={[name, "personal"]} valuePropName="checked">
                <Checkbox>个人信息</Checkbox>
              </Form.Item>
              <Form.Item name={[name, "query"]} valuePropName="checked">
                <Checkbox title="数据服务按此信息项筛选最快（建立索引）；每个资源限一个">查询条件</Checkbox>
              </Form.Item>
              <MinusCircleOutlined aria-label="删除信息项" onClick={() => remove(name)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(EMPTY_FIELD)}>
            添加信息项
          </Button>
        </>
      )}
    </Form.List>
  );
}

type Props = {
  open: boolean;
  /** null: a new resource. */
  resource: Resource | null;
  onClose: () => void;
  onSaved: (r: Resource) => void;
};

/** 编目 / 修改信息资源: the 编制指南 core metadata and its 信息项; every edit becomes a version on the server. */
export function ResourceFormModal({ open, resource, onClose, onSaved }: Props) {
  const submit = (v: Values) => {
    const input: ResourceInput = { ...v, publishedOn: v.publishedOn.format("YYYY-MM-DD") };
    return resource
      ? dataApi.updateResource(resource.code, { ...input, code: resource.code })
      : dataApi.createResource(input);
  };
  return (
    <FormModal<Values, Resource>
      title={resource ? `修改信息资源 — ${resource.name}` : "登记信息资源"}
      name="resource"
      open={open}
      onClose={onClose}
      width={980}
      submit={submit}
      success={(r) => (resource ? `已保存，当前为第 ${r.version} 版` : `已登记 ${r.code}`)}
      invalidates={[dataKeys.all]}
      onDone={onSaved}
      initialValues={initialOf(resource)}
    >
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item
            name="code"
            label="资源代码"
            extra="类(1)项(2)目(2)细目(3)-顺序号(5)"
            rules={[{ required: true, message: "资源代码必填" }]}
          >
            <Input placeholder="10101001-00001" disabled={resource !== null} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label="资源名称" rules={[{ required: true, message: "资源名称必填" }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="providerUnitId" label="提供方" rules={[{ required: true, message: "请选择提供方" }]}>
            <OrgUnitSelect placeholder="提供方单位" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="classification" label="资源分类">
            <Select options={options(RESOURCE_CLASSES, RESOURCE_CLASS_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="subclass" label="资源子类" rules={[{ required: true, message: "请填写资源子类" }]}>
            <Input placeholder="如 人口、法人、社保" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="summary" label="摘要">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="format" label="资源格式">
            <Select options={options(RESOURCE_FORMATS, RESOURCE_FORMAT_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="shareType" label="共享类型">
            <Select options={options(SHARE_TYPES, SHARE_TYPE_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="shareCondition" label="共享条件／不予共享依据">
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="shareMethod" label="共享方式" rules={[{ required: true, message: "请填写共享方式" }]}>
            <Input placeholder="接口、库表交换、文件下载" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="openType" label="开放类型">
            <Select options={options(OPEN_TYPES, OPEN_TYPE_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="updateCycle" label="更新周期">
            <Select options={options(UPDATE_CYCLES, UPDATE_CYCLE_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="publishedOn" label="发布日期" rules={[{ required: true, message: "请选择发布日期" }]}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="信息项" required>
        <FieldsEditor />
      </Form.Item>
    </FormModal>
  );
}
