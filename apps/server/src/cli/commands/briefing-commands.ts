import { writeFile } from "node:fs/promises";
import { type Command, Option } from "commander";
import {
  BRIEFING_FORMATS,
  type BriefingFormat,
  BriefingQuerySchema,
} from "../../../../../packages/contracts/src/briefings.ts";
import { buildBriefingFor, renderBriefingDocx } from "../../modules/dashboard/briefing.service.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Config } from "../../platform/config.ts";
import { docxToPdf } from "../../platform/documents/docx-to-pdf.ts";
import { requireTenant, withDatabase } from "../run-with-db.ts";

type BuildOptions = { tenant: string; from: string; to: string; format: BriefingFormat; out?: string };

/** `zhengwu briefing build`: the 诉求分析简报 of a tenant's period, district-wide, from its tickets. */
export function registerBriefingCommands(program: Command, config: Config): void {
  program
    .command("briefing")
    .description("诉求分析简报（周报、月报）")
    .command("build")
    .description("由工单数据生成诉求分析简报（json 列出每个数字及其查询；docx 公文格式；pdf 需 LibreOffice）")
    .requiredOption("--tenant <code>", "租户区划代码，如 440114")
    .requiredOption("--from <day>", "开始日期 YYYY-MM-DD（周报为周一）")
    .requiredOption("--to <day>", "结束日期 YYYY-MM-DD（含当日；周报为周日，月报为月末）")
    .addOption(new Option("--format <format>", "输出格式").choices(BRIEFING_FORMATS).default("json"))
    .option("--out <file>", "输出文件（缺省时 json 写到标准输出）")
    .action(async (o: BuildOptions) => {
      const parsed = BriefingQuerySchema.safeParse({ from: o.from, to: o.to, format: o.format });
      if (!parsed.success) {
        throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("；"));
      }
      if (o.format !== "json" && !o.out) {
        throw new Error("docx/pdf 格式须用 --out 指定输出文件");
      }
      // Only reads, but through the same open as every verb: the embedded database refuses a second process.
      const output = await withDatabase(config, "briefing build", async (database) => {
        const tenant = await requireTenant(database, o.tenant);
        const built = await buildBriefingFor(database.db, systemClock, tenant.id, parsed.data);
        for (const w of built.briefing.warnings) {
          process.stderr.write(`提示：${w}\n`);
        }
        if (o.format === "json") {
          return `${JSON.stringify(built.briefing, null, 2)}\n`;
        }
        const docx = await renderBriefingDocx(built);
        return o.format === "docx" ? docx : docxToPdf(docx, config.soffice);
      });
      if (o.out) {
        await writeFile(o.out, output);
        process.stderr.write(`已写入 ${o.out}\n`);
      } else {
        process.stdout.write(output);
      }
    });
}
