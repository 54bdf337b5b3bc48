import type { Command } from "commander";
import { verifyExchangeChain } from "../../modules/data-sharing/exchange-log.service.ts";
import type { Config } from "../../platform/config.ts";
import { requireTenant, withDatabase } from "../run-with-db.ts";

const out = (s: string) => process.stdout.write(`${s}\n`);

/** `zhengwu exchange verify`: the data-sharing exchange log's hash chain, like `audit verify`. */
export function registerExchangeCommands(program: Command, config: Config): void {
  const exchange = program.command("exchange").description("数据共享交换日志：哈希链校验");
  exchange
    .command("verify")
    .description("校验交换日志哈希链，找出第一个断点；发现问题时以非零状态退出")
    .option("--tenant <code>", "租户区划代码", "440114")
    .action(async (o: { tenant: string }) => {
      const result = await withDatabase(config, "exchange verify", async (database) => {
        const tenant = await requireTenant(database, o.tenant);
        return verifyExchangeChain(database.db, tenant.id);
      });
      if (result.ok) {
        out(`交换日志哈希链完整：已校验 ${result.checked} 条`);
        return;
      }
      out(
        `交换日志哈希链断裂：${result.reason}${result.firstBrokenId ? `（首个断点记录 id=${result.firstBrokenId}）` : ""}；此前 ${result.checked} 条完好`,
      );
      process.exitCode = 1;
    });
}
