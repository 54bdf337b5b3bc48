import { ImportModal } from "../../shared/import-modal.tsx";
import { type ImportResult, workOrderKeys, workOrdersApi } from "./work-orders-api.ts";

type Props = { open: boolean; onClose: () => void; onImported: () => void };

/**
 * Imports the city platform's export. The file is always checked first (dryRun); the server
 * writes all rows or none, so 确认导入 appears only when the check found no errors.
 */
export function WorkOrderImportModal({ open, onClose, onImported }: Props) {
  return (
    <ImportModal<ImportResult>
      title="导入工单"
      open={open}
      onClose={onClose}
      accept=".xlsx,.csv"
      intro="支持市12345平台导出的 .xlsx 或 UTF-8 编码的 .csv 文件（列：工单编号、受理时间、工单类型、诉求分类、标题、诉求内容等）。先校验全部行，无错误后才可导入；按市平台工单编号去重。"
      hint="按市平台工单编号去重，已存在的工单跳过"
      upload={workOrdersApi.importFile}
      issuesOf={(r) => r.errors.map((e) => ({ row: e.row, column: e.field, message: e.message }))}
      summary={(r) =>
        r.created > 0
          ? `校验通过，可以导入：数据行 ${r.rows}，将新建 ${r.created} 条，已存在（跳过）${r.existing} 条。`
          : `校验通过，但文件中的 ${r.rows} 条工单都已存在，无需导入。`
      }
      nothingToDo={(r) => r.created === 0}
      done={(r) => `导入完成：新建 ${r.created} 条，已存在 ${r.existing} 条`}
      invalidates={[workOrderKeys.all]}
      onDone={onImported}
    />
  );
}
