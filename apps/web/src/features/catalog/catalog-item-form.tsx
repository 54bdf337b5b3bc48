import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Checkbox, Col, Divider, Form, Input, InputNumber, Row, Select, Space } from "antd";
import {
  CROSS_REGION_LABELS,
  type Item,
  type ItemInput,
  MATERIAL_KIND_LABELS,
  ONLINE_DEPTH_LABELS,
  TRUST_LEVELS,
} from "../../../../../packages/contracts/src/catalog.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { OrgUnitSelect } from "../org/org-unit-select.tsx";
import { catalogApi } from "./catalog-api.ts";
import { EXERCISE_OPTIONS, LEVEL_OPTIONS, SOURCE_OPTIONS, TYPE_OPTIONS } from "./catalog-options.ts";

const opts = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const FLAGS: Array<[keyof ItemInput, string]> = [
  ["onApplication", "依申请事项"],
  ["materialsReduced", "已减材料"],
  ["bookableTown", "镇街大厅可预约"],
  ["bookableVillage", "村居站点可预约"],
  ["deferrable", "列入容缺受理清单"],
  ["policyBenefit", "政策兑现事项"],
];

const EMPTY_MATERIAL = {
  name: "",
  kind: "original",
  copies: 1,
  source: "applicant",
  exemptDataSource: null,
  required: true,
  deferrable: false,
  trustLevel: "A",
  template: "",
  basis: "",
};

function toInput(item: Item): ItemInput {
  const { materials, ...rest } = item;
  return {
    code: rest.code,
    name: rest.name,
    level: rest.level,
    parentCode: rest.parentCode,
    type: rest.type,
    departmentId: rest.departmentId,
    implementingBody: rest.implementingBody,
    legalBasis: rest.legalBasis,
    exerciseLevel: rest.exerciseLevel,
    statutoryLimitDays: rest.statutoryLimitDays,
    promisedLimitDays: rest.promisedLimitDays,
    place: rest.place,
    fees: rest.fees,
    result: rest.result,
    visitsRequired: rest.visitsRequired,
    onlineDepth: rest.onlineDepth,
    onApplication: rest.onApplication,
    materialsReduced: rest.materialsReduced,
    bookableTown: rest.bookableTown,
    bookableVillage: rest.bookableVillage,
    deferrable: rest.deferrable,
    policyBenefit: rest.policyBenefit,
    crossRegionScopes: rest.crossRegionScopes,
    keywords: rest.keywords,
    materials: materials.map(({ id: _id, ...m }) => m),
  };
}

const NEW_ITEM: Partial<ItemInput> = {
  level: "main",
  parentCode: null,
  onApplication: true,
  statutoryLimitDays: 20,
  promisedLimitDays: 5,
  visitsRequired: 0,
  onlineDepth: "full_online",
  exerciseLevel: "district",
  crossRegionScopes: [],
  materials: [],
};

/** New item or an edit (saved as a new version); the server's field errors land on the fields. */
export function CatalogItemFormModal(props: {
  open: boolean;
  item: Item | null;
  onClose: () => void;
  onSaved: (item: Item) => void;
}) {
  const save = (values: ItemInput) => {
    const input: ItemInput = {
      ...values,
      parentCode: values.parentCode || null,
      materials: (values.materials ?? []).map((m) => ({ ...m, exemptDataSource: m.exemptDataSource || null })),
    };
    return props.item ? catalogApi.update(props.item.id, input) : catalogApi.create(input);
  };
  return (
    <FormModal<ItemInput, Item>
      name="catalog-item"
      title={props.item ? `修改事项：${props.item.name}` : "新增事项"}
      open={props.open}
      onClose={props.onClose}
      okText="保存"
      width={1000}
      // The dialog's body mounts afresh on each opening, so these are the values of the item opened now.
      initialValues={props.item ? toInput(props.item) : NEW_ITEM}
      submit={save}
      success={(saved) => (props.item ? `已保存为第 ${saved.version} 版` : "事项已新增")}
      onDone={(saved) => props.onSaved(saved)}
    >
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="code" label="事项编码" rules={[{ required: true, message: "请填写事项编码" }]}>
            <Input disabled={props.item !== null} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="name" label="事项名称" rules={[{ required: true, message: "请填写事项名称" }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="level" label="层级">
            <Select options={LEVEL_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="parentCode" label="上级事项编码">
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="type" label="事项类型" rules={[{ required: true, message: "请选择事项类型" }]}>
            <Select options={TYPE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="departmentId" label="主管部门" rules={[{ required: true, message: "请选择主管部门" }]}>
            <OrgUnitSelect />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="implementingBody" label="实施主体">
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="legalBasis" label="设定依据">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="exerciseLevel" label="行使层级">
            <Select options={EXERCISE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="statutoryLimitDays" label="法定时限（工作日）">
            <InputNumber min={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="promisedLimitDays" label="承诺时限（工作日）">
            <InputNumber min={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="visitsRequired" label="跑动次数">
            <InputNumber min={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="place" label="办理地点">
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="fees" label="收费标准">
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="result" label="办理结果">
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="onlineDepth" label="网办深度">
            <Select options={opts(ONLINE_DEPTH_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="crossRegionScopes" label="跨域通办">
            <Select mode="multiple" options={opts(CROSS_REGION_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="keywords" label="关键词">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap>
        {FLAGS.map(([name, label]) => (
          <Form.Item key={name} name={name} valuePropName="checked" initialValue={false} style={{ marginBottom: 8 }}>
            <Checkbox>{label}</Checkbox>
          </Form.Item>
        ))}
      </Space>
      <Divider titlePlacement="start">办理材料</Divider>
      <Form.List name="materials">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap style={{ display: "flex", marginBottom: 4 }}>
                <Form.Item name={[f.name, "name"]} rules={[{ required: true, message: "材料名称" }]}>
                  <Input placeholder="材料名称" style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name={[f.name, "kind"]}>
                  <Select options={opts(MATERIAL_KIND_LABELS)} style={{ width: 90 }} />
                </Form.Item>
                <Form.Item name={[f.name, "copies"]}>
                  <InputNumber min={0} style={{ width: 60 }} />
                </Form.Item>
                <Form.Item name={[f.name, "source"]}>
                  <Select options={SOURCE_OPTIONS} style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name={[f.name, "exemptDataSource"]}>
                  <Input placeholder="共享数据来源（免提交时填）" style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[f.name, "trustLevel"]}>
                  <Select options={TRUST_LEVELS.map((t) => ({ value: t, label: `信任${t}` }))} style={{ width: 80 }} />
                </Form.Item>
                <Form.Item name={[f.name, "required"]} valuePropName="checked">
                  <Checkbox>必要</Checkbox>
                </Form.Item>
                <Form.Item name={[f.name, "deferrable"]} valuePropName="checked">
                  <Checkbox>可容缺</Checkbox>
                </Form.Item>
                <Form.Item name={[f.name, "template"]}>
                  <Input placeholder="样表" style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name={[f.name, "basis"]}>
                  <Input placeholder="依据" style={{ width: 120 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} style={{ marginTop: 8 }} />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add(EMPTY_MATERIAL)} icon={<PlusOutlined />}>
              添加材料
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
