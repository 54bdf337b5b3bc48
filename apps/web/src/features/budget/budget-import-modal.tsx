import type { BudgetImportResult } from "../../../../../packages/contracts/src/budget.ts";
import { ImportModal } from "../../shared/import-modal.tsx";
import { budgetApi, budgetKeys } from "./budget-api.ts";

type Props = { year: number; open: boolean; onClose: () => void; onDone: () => void };

/** Checks the workbook first (dry run); importing replaces the year's projects only when it is clean. */
export function BudgetImportModal({ year, open, onClose, onDone }: Props) {
  return (
    <ImportModal<BudgetImportResult>
      title={`导入 ${year} 年度预算项目与绩效指标`}
      open={open}
      onClose={onClose}
      accept=".xlsx"
      hint="工作表“预算项目”和“绩效指标”，格式同“导出 Excel”"
      upload={(file, dryRun) => budgetApi.importFile(year, file, dryRun)}
      issuesOf={(r) => r.errors.map((e) => ({ sheet: e.sheet, row: e.row, column: e.field, message: e.message }))}
      summary={(r) => `检查通过：${r.projects} 个项目、${r.indicators} 个指标`}
      done={(r) => `已导入 ${r.projects} 个项目、${r.indicators} 个绩效指标`}
      okText="导入并替换本年度项目"
      invalidates={budgetKeys.dependents}
      onDone={onDone}
      width={720}
    />
  );
}
