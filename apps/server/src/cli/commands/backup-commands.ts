import { resolve } from "node:path";
import type { Command } from "commander";
import type { Config } from "../../platform/config.ts";
import { backupDataDir, restoreDataDir } from "../../platform/db/backup.ts";

const out = (s: string) => process.stdout.write(`${s}\n`);

const SERVER_HINT =
  "设置了 DATABASE_URL：服务器数据库请用 pg_dump -Fc 备份、pg_restore 恢复（见 README「备份与恢复」）";

export function registerBackupCommands(program: Command, config: Config): void {
  program
    .command("backup")
    .description("备份嵌入式数据库到一个文件（服务运行时拒绝：请先停止 npm start）")
    .requiredOption("--out <file>", "备份文件，如 zhengwu-2022-12-31.tar.gz")
    .option("--force", "覆盖已存在的备份文件")
    .action(async (o: { out: string; force?: boolean }) => {
      if (config.db.url) {
        throw new Error(SERVER_HINT);
      }
      const { bytes } = await backupDataDir(config.db.dataDir, o.out, { force: o.force === true });
      out(`已备份 ${config.db.dataDir} 到 ${resolve(o.out)}（${(bytes / 1048576).toFixed(1)} MB）`);
    });

  program
    .command("restore <file>")
    .description("从备份文件恢复嵌入式数据库（目标目录须为空，或加 --force 替换）")
    .option("--data-dir <dir>", "恢复到的目录（默认 ZHENGWU_DATA_DIR）")
    .option("--force", "目标目录非空时用备份替换其内容")
    .action(async (file: string, o: { dataDir?: string; force?: boolean }) => {
      if (config.db.url && !o.dataDir) {
        throw new Error(SERVER_HINT);
      }
      const dataDir = o.dataDir ? resolve(o.dataDir) : config.db.dataDir;
      const { tenants } = await restoreDataDir(resolve(file), dataDir, { force: o.force === true });
      out(
        `已恢复到 ${dataDir}（租户 ${tenants} 个）；下次打开时执行迁移。请用 zhengwu audit verify --anchors 核对审计链`,
      );
    });
}
