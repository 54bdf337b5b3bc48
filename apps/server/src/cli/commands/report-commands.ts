import { writeFile } from "node:fs/promises";
import { type Command, Option } from "commander";
import { renderDocx } from "../../modules/reports/render-docx.ts";
import { renderHtml } from "../../modules/reports/render-html.ts";
import { renderText } from "../../modules/reports/render-text.ts";
import { toReportJson } from "../../modules/reports/report-json.ts";
import { buildReportFor } from "../../modules/reports/reports.service.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Config } from "../../platform/config.ts";
import { docxToPdf } from "../../platform/documents/docx-to-pdf.ts";
import { requireTenant, withDatabase } from "../run-with-db.ts";

type BuildOptions = { tenant: string; year: string; format: "json" | "html" | "docx" | "pdf" | "text"; out?: string };

/** `zhengwu report build`: the self-evaluation report of a tenant's year, from its data. */
export function registerReportCommands(program: Command, config: Config): Command {
  const report = program.command("report").description("部门整体支出绩效自评报告");
  report
    .command("build")
    .description("由业务数据生成自评报告（json/html/docx/pdf/text）")
    .requiredOption("--tenant <code>", "租户区划代码，如 440114")
    .requiredOption("--year <year>", "年度，如 2022")
    .addOption(
      new Option("--format <format>", "输出格式").choices(["json", "html", "docx", "pdf", "text"]).default("json"),
    )
    .option("--out <file>", "输出文件（缺省时 json/html 写到标准输出）")
    .action(async (o: BuildOptions) => {
      const year = Number(o.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        throw new Error(`--year 须为 2000–2100 的年度，收到 ${o.year}`);
      }
      const output = await withDatabase(config, "report build", async (database) => {
        const tenant = await requireTenant(database, o.tenant);
        const doc = await buildReportFor(database.db, systemClock, tenant.id, year);
        for (const w of doc.warnings) {
          process.stderr.write(`提示：${w}\n`);
        }
        switch (o.format) {
          case "json":
            return `${JSON.stringify(toReportJson(doc), null, 2)}\n`;
          case "html":
            return renderHtml(doc);
          case "text":
            return renderText(doc);
          case "docx":
            return renderDocx(doc);
          case "pdf":
            return docxToPdf(await renderDocx(doc), config.soffice);
        }
      });
      if (o.out) {
        await writeFile(o.out, output);
        process.stderr.write(`已写入 ${o.out}\n`);
      } else if (typeof output === "string") {
        process.stdout.write(output);
      } else {
        throw new Error("docx/pdf 格式须用 --out 指定输出文件");
      }
    });
  return report;
}
