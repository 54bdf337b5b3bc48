import { ImportModal } from "../../shared/import-modal.tsx";
import { dataApi, dataKeys, type ResourceImportCheck } from "./data-api.ts";

type Props = { open: boolean; onClose: () => void; onDone: () => void };

/** 导入数据资源目录: checked first (dry run); importing writes every change with its version, or nothing. */
export function ResourceImportModal({ open, onClose, onDone }: Props) {
  return (
    <ImportModal<ResourceImportCheck>
      title="导入信息资源目录"
      open={open}
      onClose={onClose}
      accept=".xlsx"
      hint="工作表“信息资源”和“信息项”，格式同“导出 Excel”；表中没有的资源保持不变"
      upload={(file, dryRun) => dataApi.importFile(file, dryRun)}
      issuesOf={(r) => r.errors}
      summary={(r) =>
        `检查通过：${r.resources} 个资源、${r.fields} 个信息项；将新增 ${r.created} 个、修改 ${r.changed} 个，${r.unchanged} 个不变`
      }
      nothingToDo={(r) => r.created + r.changed === 0}
      done={(r) => `已导入：新增 ${r.created} 个，修改 ${r.changed} 个，未变 ${r.unchanged} 个`}
      invalidates={[dataKeys.all]}
      onDone={onDone}
    />
  );
}
