import { useQuery } from "@tanstack/react-query";
import { Checkbox, Col, DatePicker, Form, Input, Row, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { RESOURCE_CODE_PATTERN, SHARE_TYPE_LABELS } from "../../../../../packages/contracts/src/data-sharing.ts";
import type { DataRequest, RequestInput } from "../../../../../packages/contracts/src/data-sharing-requests.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { useMe } from "../auth/session.tsx";
import { OrgUnitSelect } from "../org/org-unit-select.tsx";
import { dataApi, dataKeys } from "./data-api.ts";

type Values = Omit<RequestInput, "periodFrom" | "periodTo"> & { periodFrom: Dayjs; periodTo: Dayjs };

/** The fields of the resource typed in, to choose from (nothing until the code is complete). */
function FieldChoice({ code }: { code: string | undefined }) {
  const valid = code !== undefined && RESOURCE_CODE_PATTERN.test(code);
  const q = useQuery({
    queryKey: [...dataKeys.resource(code ?? ""), "or-entry"],
    queryFn: ({ signal }) => dataApi.resourceOrEntry(code ?? "", signal),
    enabled: valid,
    retry: false,
  });
  if (!valid) {
    return <Typography.Text type="secondary">填写资源代码后选择信息项</Typography.Text>;
  }
  if (q.isError) {
    return <Typography.Text type="danger">资源不存在，或为不予共享的资源</Typography.Text>;
  }
  const r = q.data;
  return (
    <>
      {r && (
        <Typography.Paragraph type="secondary">
          {r.name}（{r.providerName}，{SHARE_TYPE_LABELS[r.shareType]}
          {r.shareCondition ? `：${r.shareCondition}` : ""}）
        </Typography.Paragraph>
      )}
      <Form.Item name="fields" rules={[{ required: true, message: "至少申请一个信息项" }]} style={{ marginBottom: 0 }}>
        <Checkbox.Group
          options={(r?.fields ?? []).map((f) => ({
            value: f.name,
            label: f.personal ? `${f.name}（个人信息）` : f.name,
          }))}
        />
      </Form.Item>
    </>
  );
}

type Props = { open: boolean; onClose: () => void; onDone: (r: DataRequest) => void; resourceCode?: string };

/** 申请共享: purpose, legal basis, the fields needed and the period; 无条件共享 is granted at once. */
export function RequestFormModal({ open, onClose, onDone, resourceCode }: Props) {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const code = Form.useWatch("resourceCode", form);
  const unit = me.grants.find((g) => g.role === "data_officer")?.orgUnitId;
  const submit = (v: Values) =>
    dataApi.createRequest({
      ...v,
      periodFrom: v.periodFrom.format("YYYY-MM-DD"),
      periodTo: v.periodTo.format("YYYY-MM-DD"),
    });
  return (
    <FormModal<Values, DataRequest>
      title="申请共享数据资源"
      name="data-request"
      open={open}
      onClose={onClose}
      form={form}
      width={720}
      submit={submit}
      success={(r) => (r.status === "granted" ? "无条件共享资源，已即时授权" : "已提交，等待提供方审批")}
      invalidates={[dataKeys.all]}
      onDone={onDone}
      initialValues={{
        resourceCode,
        consumerUnitId: unit,
        fields: [],
        periodFrom: dayjs(),
        periodTo: dayjs().add(1, "year").subtract(1, "day"),
      }}
    >
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="resourceCode" label="资源代码" rules={[{ required: true, message: "资源代码必填" }]}>
            <Input placeholder="30101001-00001" />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="consumerUnitId" label="申请单位" rules={[{ required: true, message: "请选择申请单位" }]}>
            <OrgUnitSelect />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="申请信息项" required>
        <FieldChoice code={code} />
      </Form.Item>
      <Form.Item name="purpose" label="用途" rules={[{ required: true, message: "请填写用途" }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="legalBasis" label="申请依据" rules={[{ required: true, message: "请填写申请依据" }]}>
        <Input placeholder="法律法规、政策文件或职责依据" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="periodFrom" label="使用期限自" rules={[{ required: true, message: "请选择开始日期" }]}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="periodTo" label="使用期限至" rules={[{ required: true, message: "请选择结束日期" }]}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
