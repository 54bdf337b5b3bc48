import { Form, Input, Select } from "antd";
import {
  ORG_KIND_LABELS,
  ORG_KINDS,
  ORG_NAME_MAX,
  type OrgKind,
  type OrgUnit,
} from "../../../../../packages/contracts/src/org.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { orgApi, orgKeys } from "./org-api.ts";

export type OrgFormMode = { kind: "create"; parent: OrgUnit } | { kind: "rename"; unit: OrgUnit };

type Values = { name: string; kind: OrgKind; code?: string };
type Props = { mode: OrgFormMode | null; onClose: () => void; onSaved: (unit: OrgUnit) => void };

// A sensible first guess for a new child's type; the user can change it.
const CHILD_KIND: Partial<Record<OrgKind, OrgKind>> = {
  district: "street",
  street: "community",
  town: "village",
  bureau: "bureau_unit",
  department: "department_unit",
};

const KIND_OPTIONS = ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }));

const NAME_RULES = [
  { required: true, whitespace: true, message: "请输入机构名称" },
  { min: 2, message: "名称至少2个字" },
  { max: ORG_NAME_MAX, message: `名称不能超过${ORG_NAME_MAX}个字` },
];

export function OrgUnitFormModal({ mode, onClose, onSaved }: Props) {
  const submit = (values: Values) => {
    const name = values.name.trim();
    const code = values.code?.trim();
    if (mode?.kind === "create") {
      return orgApi.create({ parentId: mode.parent.id, name, kind: values.kind, ...(code ? { code } : {}) });
    }
    return orgApi.rename(mode?.unit.id ?? "", { name });
  };
  const initialValues: Partial<Values> =
    mode?.kind === "create" ? { kind: CHILD_KIND[mode.parent.kind] } : { name: mode?.unit.name };

  return (
    <FormModal<Values, OrgUnit>
      title={mode?.kind === "create" ? `新增下级机构 — ${mode.parent.name}` : "重命名机构"}
      open={mode !== null}
      onClose={onClose}
      initialValues={initialValues}
      submit={submit}
      success={(unit) => (mode?.kind === "create" ? `已新增机构「${unit.name}」` : `已重命名为「${unit.name}」`)}
      invalidates={[orgKeys.all]}
      onDone={onSaved}
    >
      <Form.Item name="name" label="机构名称" rules={NAME_RULES}>
        <Input placeholder="如：新华街道党群服务中心" maxLength={ORG_NAME_MAX} showCount />
      </Form.Item>
      {mode?.kind === "create" && (
        <>
          <Form.Item name="kind" label="机构类型" rules={[{ required: true, message: "请选择机构类型" }]}>
            <Select options={KIND_OPTIONS} placeholder="请选择机构类型" />
          </Form.Item>
          <Form.Item
            name="code"
            label="区划代码"
            extra="选填，6–12位数字"
            rules={[{ pattern: /^\d{6,12}$/, message: "区划代码应为6–12位数字" }]}
          >
            <Input placeholder="如：440114001" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
