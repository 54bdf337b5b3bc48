import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { registerReportCheckCommand } from "../../cli/commands/report-check-command.ts";
import { buildTestPdf } from "./test-pdf.ts";
import { fixSeed, OTHER_REPORT, readSeed } from "./test-reports.ts";

const dir = mkdtempSync(join(tmpdir(), "report-check-"));
const seedFile = join(dir, "seed.txt");
const cleanFile = join(dir, "clean.txt");
const docFile = join(dir, "old.doc");
const emptyFile = join(dir, "empty.txt");
const pdfFile = join(dir, "other.pdf");
writeFileSync(seedFile, readSeed());
writeFileSync(cleanFile, fixSeed(readSeed()));
writeFileSync(docFile, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
writeFileSync(emptyFile, "\n \n");
writeFileSync(
  pdfFile,
  buildTestPdf(OTHER_REPORT.replace("网办率 90.00%", "网办率 91.00%").split("\n").slice(0, -1), 20),
);

async function run(...args: string[]): Promise<{ out: string; err: string; code: number | string | undefined }> {
  let out = "";
  let err = "";
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    const program = new Command().exitOverride();
    registerReportCheckCommand(program.command("report"));
    await program.parseAsync(["node", "zhengwu", "report", "check", ...args]);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return { out, err, code: process.exitCode };
}

describe("zhengwu report check", () => {
  beforeEach(() => {
    process.exitCode = undefined;
  });
  afterEach(() => {
    process.exitCode = undefined;
    vi.unstubAllEnvs();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints one line per finding and a summary, exit code 1", async () => {
    const { out, code } = await run(seedFile);
    const lines = out.trim().split("\n");
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe(
      "第309行 [duplicate_sentence] 语句“累计处理核酸人员数据共约 4亿人次以上”重复出现（第307行已有）",
    );
    expect(lines).toContain("第481行 [score_sum_mismatch] 管理效能各项得分之和为 45 分，与所述 44 分不符");
    expect(lines[7]).toBe("共发现 7 处前后矛盾");
    expect(code).toBe(1);
  });

  it("prints JSON with --format json", async () => {
    const { out, code } = await run(seedFile, "--format", "json");
    const parsed: { findings: Record<string, unknown>[] } = JSON.parse(out);
    expect(parsed).toMatchObject({
      findings: expect.arrayContaining([
        { kind: "cap_exceeded", line: 508, stated: "16 分", computed: "17 分", message: expect.any(String) },
      ]),
    });
    expect(Object.keys(parsed.findings[0] ?? {})).toEqual(["kind", "line", "stated", "computed", "message"]);
    expect(code).toBe(1);
  });

  it("exits 0 on a consistent report", async () => {
    const { out, code } = await run(cleanFile, "--format", "json");
    expect(JSON.parse(out)).toEqual({ findings: [] });
    expect(code).toBe(0);
    expect((await run(cleanFile)).out).toBe("未发现前后矛盾之处\n");
  });

  it("exits 2 with a message on stderr when the file cannot be read", async () => {
    const missing = await run(join(dir, "missing.txt"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/无法读取报告文件/);
    expect(missing.out).toBe("");
    vi.stubEnv("ZHENGWU_SOFFICE", join(dir, "no-soffice"));
    const doc = await run(docFile);
    expect(doc.code).toBe(2);
    expect(doc.err).toMatch(/不支持旧版 Word（\.doc）/);
  });

  it("exits 2 with a message, not “未发现前后矛盾之处”, when the file holds no text", async () => {
    const empty = await run(emptyFile);
    expect(empty.code).toBe(2);
    expect(empty.out).toBe("");
    expect(empty.err).toMatch(/没有可检查的文字/);
  });

  it("names the page of a finding in a PDF", async () => {
    const { out, code } = await run(pdfFile);
    expect(out.split("\n")[0]).toMatch(/^第2页第26行 \[rate_mismatch\] /);
    expect(code).toBe(1);
    const json = await run(pdfFile, "--format", "json");
    expect(JSON.parse(json.out).findings[0]).toMatchObject({ kind: "rate_mismatch", line: 26, page: 2 });
  });
});
