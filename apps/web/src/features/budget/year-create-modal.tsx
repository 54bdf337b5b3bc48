import { Button, Form, InputNumber, Modal } from "antd";
import { useState } from "react";
import type { BudgetYearInput } from "../../../../../packages/contracts/src/budget.ts";
import { useApiErrorHandler } from "../../shared/errors.ts";
import { validFields } from "../../shared/form-validate.ts";
import { bureauTime } from "../../shared/format.ts";
import { OrgUnitSelect } from "../org/org-unit-select.tsx";
import { budgetApi } from "./budget-api.ts";

type Values = { year: number; orgUnitId: string };

/** Zero figures: a new district starts its year empty and fills it by form or import. */
function emptyYear(orgUnitId: string): BudgetYearInput {
  return {
    orgUnitId,
    revenues: [],
    basicBudgetFen: 0,
    basicExecutedFen: 0,
    publicFundsBudgetFen: 0,
    publicFundsActualFen: 0,
    threePublicBudgetFen: 0,
    threePublicActualFen: 0,
    procurementPlanFen: 0,
    procurementActualFen: 0,
    fixedAssetsTotalFen: 0,
    fixedAssetsInUseFen: 0,
  };
}

/** 新建预算年度 (财务绩效专员): the year and the department whose overall spending it covers. */
export function YearCreateButton({ existing, onCreated }: { existing: number[]; onCreated: (year: number) => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const handleError = useApiErrorHandler();
  const submit = async () => {
    const v = await validFields(form);
    if (!v) {
      return;
    }
    setBusy(true);
    try {
      await budgetApi.saveYear(v.year, emptyYear(v.orgUnitId));
      setOpen(false);
      onCreated(v.year);
    } catch (err) {
      handleError(err, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        新建预算年度
      </Button>
      <Modal
        title="新建预算年度"
        open={open}
        okText="建立"
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          name="budget-year-create"
          initialValues={{ year: bureauTime().year() }}
          preserve={false}
        >
          <Form.Item
            name="year"
            label="年度"
            rules={[
              { required: true, message: "请输入年度" },
              {
                validator: (_r, value: number | null) =>
                  value !== null && existing.includes(value)
                    ? Promise.reject(new Error(`${value} 年度已存在`))
                    : Promise.resolve(),
              },
            ]}
          >
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="orgUnitId" label="预算部门" rules={[{ required: true, message: "请选择部门" }]}>
            <OrgUnitSelect />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
