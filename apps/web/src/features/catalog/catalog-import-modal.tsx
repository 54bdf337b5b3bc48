import type { CatalogImportResult } from "../../../../../packages/contracts/src/catalog.ts";
import { ImportModal } from "../../shared/import-modal.tsx";
import { catalogApi, catalogKeys } from "./catalog-api.ts";

type Props = { open: boolean; onClose: () => void; onDone: () => void };

/** Checks the workbook first (dry run); importing writes every change in one go, or nothing. */
export function CatalogImportModal({ open, onClose, onDone }: Props) {
  return (
    <ImportModal<CatalogImportResult>
      title="导入事项目录"
      open={open}
      onClose={onClose}
      accept=".xlsx"
      hint="工作表“事项”和“材料”，格式同“导出 Excel”；表中没有的事项保持不变"
      upload={(file, dryRun) => catalogApi.importFile(file, dryRun)}
      issuesOf={(r) => r.errors}
      summary={(r) =>
        `检查通过：${r.items} 个事项、${r.materials} 份材料；将新增 ${r.created} 项、修改 ${r.changed} 项，${r.unchanged} 项不变`
      }
      nothingToDo={(r) => r.created + r.changed === 0}
      done={(r) => `已导入：新增 ${r.created} 项，修改 ${r.changed} 项，未变 ${r.unchanged} 项`}
      invalidates={[catalogKeys.all]}
      onDone={onDone}
    />
  );
}
