import { Command } from "commander";
import { DEMO_SEED, loadDemo, loadDemoBase } from "../modules/demo/demo.service.ts";
import { systemClock } from "../platform/clock.ts";
import { loadConfig } from "../platform/config.ts";
import { serve } from "../serve.ts";
import { registerAdminCommands } from "./commands/admin-commands.ts";
import { registerAuditCommands } from "./commands/audit-commands.ts";
import { registerBackupCommands } from "./commands/backup-commands.ts";
import { registerBriefingCommands } from "./commands/briefing-commands.ts";
import { registerCalendarCommand } from "./commands/calendar-command.ts";
import { registerExchangeCommands } from "./commands/exchange-commands.ts";
import { registerReportCheckCommand } from "./commands/report-check-command.ts";
import { registerReportCommands } from "./commands/report-commands.ts";
import { withDatabase } from "./run-with-db.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const program = new Command()
    .name("zhengwu")
    .description("Zhengwu 政务 — 政务服务数据管理平台命令行")
    .showHelpAfterError()
    .configureOutput({ outputError: (s, write) => write(s) });

  program
    .command("serve")
    .description("启动 API 与网页（PORT、DATABASE_URL、ZHENGWU_DATA_DIR 可配置）")
    .action(async () => serve(config));

  program
    .command("db")
    .description("数据库")
    .command("migrate")
    .description("执行数据库迁移（嵌入式数据库或 DATABASE_URL 指向的服务器）")
    .action(async () => {
      await withDatabase(config, "db migrate", async (database) => {
        process.stdout.write(`迁移完成（${database.driver}）\n`);
      });
    });

  program
    .command("demo")
    .description("演示数据")
    .command("load")
    .description("加载演示租户（组织机构、各角色演示账号、2022 年度业务数据）")
    .option("--tenant <code>", "租户区划代码", "440114")
    .option("--year <year>", "演示年度（目前提供 2022）", "2022")
    .option("--seed <seed>", "随机种子：相同种子生成相同数据", DEMO_SEED)
    .action(async (o: { tenant: string; year: string; seed: string }) => {
      if (o.year !== "2022") {
        throw new Error(`目前只提供 2022 年度的演示数据，收到 --year ${o.year}`);
      }
      await withDatabase(config, "demo load", async (database) => {
        const say = (m: string) => process.stdout.write(`${m}\n`);
        if (config.demoYear) {
          await loadDemo(database.db, systemClock, o.tenant, say, o.seed);
        } else {
          await loadDemoBase(database.db, systemClock, o.tenant, say);
        }
        process.stdout.write("演示数据已就绪\n");
      });
    });

  registerAdminCommands(program, config);
  registerAuditCommands(program, config);
  registerBackupCommands(program, config);
  registerCalendarCommand(program, config);
  registerReportCheckCommand(registerReportCommands(program, config));
  registerBriefingCommands(program, config);
  registerExchangeCommands(program, config);
  await program.parseAsync(process.argv);
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  const code = typeof err === "object" && err !== null && "code" in err ? String(err.code) : "error";
  process.stderr.write(`${code}: ${message}\n`);
  process.exit(1);
});
