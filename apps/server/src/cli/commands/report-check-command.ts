import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { type Command, Option } from "commander";
import { checkReportText, extractReportText, type Finding } from "../../modules/report-check/report-check.service.ts";

type CheckOptions = { format: "text" | "json" };

function renderText(findings: Finding[]): string {
  const lines = findings.map((f) => `${f.page ? `第${f.page}页` : ""}第${f.line}行 [${f.kind}] ${f.message}\n`);
  const summary = findings.length === 0 ? "未发现前后矛盾之处\n" : `共发现 ${findings.length} 处前后矛盾\n`;
  return lines.join("") + summary;
}

/**
 * `zhengwu report check <file>`: the internal contradictions of a self-evaluation report
 * (.txt/.docx/.pdf/HTML, .doc through LibreOffice). Exit code 1 when there are findings, 2 when the file
 * cannot be read or holds no text; findings in a PDF name their page. No database.
 */
export function registerReportCheckCommand(report: Command): void {
  report
    .command("check <file>")
    .description("检查自评报告（.txt/.docx/.pdf/.html，装有 LibreOffice 时含 .doc）内部数据是否前后一致")
    .addOption(new Option("--format <format>", "输出格式").choices(["text", "json"]).default("text"))
    .action(async (file: string, o: CheckOptions) => {
      let text: string;
      try {
        text = await extractReportText(await readFile(file), basename(file));
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        process.stderr.write(`无法读取报告文件 ${file}：${reason}\n`);
        process.exitCode = 2;
        return;
      }
      const findings = checkReportText(text);
      if (o.format === "json") {
        const body = findings.map(({ kind, line, page, stated, computed, message }) => ({
          kind,
          line,
          ...(page === undefined ? {} : { page }),
          stated,
          computed,
          message,
        }));
        process.stdout.write(`${JSON.stringify({ findings: body }, null, 2)}\n`);
      } else {
        process.stdout.write(renderText(findings));
      }
      process.exitCode = findings.length > 0 ? 1 : 0;
    });
}
