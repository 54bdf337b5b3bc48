#!/usr/bin/env node
// Renders the demo self-evaluation report to PDF (Word through LibreOffice, as `zhengwu report build
// --format pdf` does) and keeps two pages as PNG for the docs: page 1 and the page of the project table.
//   node scripts/report-png.mjs [--data-dir DIR] [--tenant 440114] [--year 2022] [--out-dir docs] [--skip-load]
// Without DATABASE_URL it loads the demo into an embedded database under --data-dir (a temporary
// directory by default; the demo year takes several minutes); with DATABASE_URL it uses that database.
// Needs soffice, pdftotext and pdftoppm (poppler-utils).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    tenant: { type: "string", default: "440114" },
    year: { type: "string", default: "2022" },
    "out-dir": { type: "string", default: "docs" },
    "skip-load": { type: "boolean", default: false },
    dpi: { type: "string", default: "110" },
  },
});

const root = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "zw-report-png-"));
const env = { ...process.env };
if (!env.DATABASE_URL) {
  env.ZHENGWU_DATA_DIR = resolve(values["data-dir"] ?? join(work, "data"));
}
const zhengwu = (...args) =>
  execFileSync(process.execPath, [join(root, "bin/zhengwu.mjs"), ...args], { env, stdio: "inherit", cwd: root });

try {
  zhengwu("db", "migrate");
  if (!values["skip-load"]) {
    zhengwu("demo", "load", "--tenant", values.tenant, "--year", values.year);
  }
  const pdf = join(work, "report.pdf");
  zhengwu("report", "build", "--tenant", values.tenant, "--year", values.year, "--format", "pdf", "--out", pdf);

  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1] ?? 0);
  // The project table's header row names its columns (a narrow cell may wrap, so look for the short
  // ones); the first page that has them holds the table.
  let tablePage = 0;
  for (let p = 1; p <= pages && tablePage === 0; p++) {
    const text = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"], {
      encoding: "utf8",
    }).replace(/\s+/g, "");
    if (text.includes("序号") && text.includes("项目名称")) {
      tablePage = p;
    }
  }
  if (tablePage === 0) {
    throw new Error(`报告 PDF（${pages} 页）中找不到项目表`);
  }

  const outDir = resolve(root, values["out-dir"]);
  mkdirSync(outDir, { recursive: true });
  const render = (page, name) => {
    const prefix = join(work, `page-${page}`);
    execFileSync("pdftoppm", ["-png", "-r", values.dpi, "-f", String(page), "-l", String(page), pdf, prefix]);
    // pdftoppm pads the page number to the width of the page count: take the file it wrote.
    const file = readdirSync(work).find((f) => f.startsWith(`page-${page}-`) && f.endsWith(".png"));
    if (!file) {
      throw new Error(`pdftoppm 未生成第 ${page} 页`);
    }
    copyFileSync(join(work, file), join(outDir, name));
    process.stdout.write(`已写入 ${join(values["out-dir"], name)}（第 ${page} 页，共 ${pages} 页）\n`);
  };
  render(1, "report-page-1.png");
  render(tablePage, "report-projects.png");
} finally {
  rmSync(work, { recursive: true, force: true });
}
