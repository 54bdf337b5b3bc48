import { Button, Form, InputNumber } from "antd";
import { useState } from "react";
import type { BudgetYearInput } from "../../../../../packages/contracts/src/budget.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { bureauTime } from "../../shared/format.ts";
import { OrgUnitSelect } from "../org/org-unit-select.tsx";
import { budgetApi, budgetKeys } from "./budget-api.ts";

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
    finalRevenueFen: null,
    finalOpeningBalanceFen: null,
    finalExpenditureFen: null,
    finalBasicFen: null,
    finalProjectFen: null,
    finalClosingBalanceFen: null,
  };
}

/** 新建预算年度 (财务绩效专员): the year and the department whose overall spending it covers. */
export function YearCreateButton({ existing, onCreated }: { existing: number[]; onCreated: (year: number) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        新建预算年度
      </Button>
      <FormModal<Values>
        title="新建预算年度"
        name="budget-year-create"
        open={open}
        onClose={() => setOpen(false)}
        okText="建立"
        initialValues={{ year: bureauTime().year() }}
        submit={(v) => budgetApi.saveYear(v.year, emptyYear(v.orgUnitId))}
        invalidates={budgetKeys.dependents}
        onDone={(_saved, v) => {
          setOpen(false);
          onCreated(v.year);
        }}
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
      </FormModal>
    </>
  );
}
