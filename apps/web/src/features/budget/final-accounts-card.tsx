import { Alert, Button, Card, Descriptions, Form, InputNumber } from "antd";
import { useState } from "react";
import {
  type BudgetYear,
  type BudgetYearInput,
  FINAL_ACCOUNT_FIELDS,
  FINAL_ACCOUNT_LABELS,
  type FinalAccountField,
} from "../../../../../packages/contracts/src/budget.ts";
import { FormModal } from "../../shared/form-modal.tsx";
import { budgetApi, budgetKeys } from "./budget-api.ts";
import { wan } from "./money.ts";

type Values = Record<FinalAccountField, number | null>;

/** The year as the save endpoint takes it, with the 决算 statement replaced. */
function yearInput(data: BudgetYear, finals: Values): BudgetYearInput {
  return {
    orgUnitId: data.orgUnitId,
    revenues: data.revenues,
    basicBudgetFen: data.basicBudgetFen,
    basicExecutedFen: data.basicExecutedFen,
    publicFundsBudgetFen: data.publicFundsBudgetFen,
    publicFundsActualFen: data.publicFundsActualFen,
    threePublicBudgetFen: data.threePublicBudgetFen,
    threePublicActualFen: data.threePublicActualFen,
    procurementPlanFen: data.procurementPlanFen,
    procurementActualFen: data.procurementActualFen,
    fixedAssetsTotalFen: data.fixedAssetsTotalFen,
    fixedAssetsInUseFen: data.fixedAssetsInUseFen,
    ...finals,
  };
}

// 万元 in the form, 分 on the wire; Math.round keeps 0.01 万元 steps exact.
const toWan = (fen: number | null) => (fen === null ? null : fen / 1_000_000);
const toFen = (w: number | null | undefined) => (w === null || w === undefined ? null : Math.round(w * 1_000_000));

/**
 * 决算报表: the statement's totals as entered, and every identity that does not hold (the project
 * list against 项目支出, 基本 + 项目 against 支出, 收入 + 年初 against 支出 + 年末) with its difference.
 * The report states these figures; it never replaces them with sums of the records.
 */
export function FinalAccountsCard({ data }: { data: BudgetYear }) {
  const [open, setOpen] = useState(false);
  const breaks = data.summary.identityBreaks;
  const entered = FINAL_ACCOUNT_FIELDS.some((f) => data[f] !== null);
  return (
    <Card
      title="决算报表（按填报数陈述）"
      id="final-accounts"
      extra={data.canEdit ? <Button onClick={() => setOpen(true)}>填报决算数</Button> : null}
    >
      {breaks.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`决算数据有 ${breaks.length} 处不一致，报告按决算填报数陈述，请核实`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {breaks.map((b) => (
                <li key={b.key}>{b.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {entered ? (
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          {FINAL_ACCOUNT_FIELDS.map((f) => (
            <Descriptions.Item key={f} label={`${FINAL_ACCOUNT_LABELS[f]}（万元）`}>
              {data[f] === null ? "未填报" : wan(data[f])}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : (
        <Alert type="info" showIcon title="尚未填报决算数：报告暂以预算项目记录的合计陈述收支" />
      )}
      <FormModal<Values>
        title="填报决算数（万元）"
        name="final-accounts"
        open={open}
        onClose={() => setOpen(false)}
        okText="保存"
        initialValues={Object.fromEntries(FINAL_ACCOUNT_FIELDS.map((f) => [f, toWan(data[f])]))}
        submit={(v) =>
          budgetApi.saveYear(
            data.year,
            yearInput(data, Object.fromEntries(FINAL_ACCOUNT_FIELDS.map((f) => [f, toFen(v[f])])) as Values),
          )
        }
        invalidates={budgetKeys.dependents}
        onDone={() => setOpen(false)}
      >
        {FINAL_ACCOUNT_FIELDS.map((f) => (
          <Form.Item key={f} name={f} label={FINAL_ACCOUNT_LABELS[f]}>
            <InputNumber min={0} precision={2} style={{ width: 200 }} placeholder="未填报" />
          </Form.Item>
        ))}
      </FormModal>
    </Card>
  );
}
