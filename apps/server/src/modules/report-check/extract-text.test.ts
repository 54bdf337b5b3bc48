import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkReportText, extractReportText, type Finding } from "./report-check.service.ts";
import { buildTestPdf } from "./test-pdf.ts";
import { OTHER_REPORT, readSeed } from "./test-reports.ts";

const seed = readSeed();

function brief(findings: Finding[]): Pick<Finding, "kind" | "line" | "stated" | "computed">[] {
  return findings.map(({ kind, line, stated, computed }) => ({ kind, line, stated, computed }));
}

/** A Word file with one paragraph per line of the text (blank lines included). */
async function buildDocx(text: string): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: text.split("\n").map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("extractReportText", () => {
  it("reads a .docx paragraph by paragraph, so the seed's findings keep their lines", async () => {
    const text = await extractReportText(await buildDocx(seed), "自评报告.docx");
    expect(brief(checkReportText(text))).toEqual(brief(checkReportText(seed)));
    expect(checkReportText(text)).toHaveLength(7);
  });

  it("reads a Chinese PDF (non-embedded STSong-Light, UniGB-UCS2-H) line by line", async () => {
    // A PDF has no blank lines: the seed's non-blank lines become lines 1, 2, 3 … of the PDF text.
    const lines = seed.split("\n");
    const kept = lines.map((l, i) => ({ l, n: i + 1 })).filter((x) => x.l.trim() !== "");
    const pdf = buildTestPdf(kept.map((x) => x.l));
    const text = await extractReportText(pdf, "report.pdf");
    expect(text.split(/\n|\f/)).toHaveLength(kept.length);
    const pdfLineToSeedLine = (line: number): number => kept[line - 1]?.n ?? -1;
    const findings = brief(checkReportText(text)).map((f) => ({
      ...f,
      line: pdfLineToSeedLine(f.line),
      computed: f.computed.replace(/第(\d+)行/, (_, n: string) => `第${pdfLineToSeedLine(Number(n))}行`),
    }));
    expect(findings).toEqual(brief(checkReportText(seed)));
  });

  it("reads the made-up report from a PDF with the same result as from text", async () => {
    const pdf = buildTestPdf(OTHER_REPORT.replace("网办率 90.00%", "网办率 91.00%").split("\n").slice(0, -1));
    const text = await extractReportText(pdf, "other.pdf");
    expect(brief(checkReportText(text))).toEqual([
      { kind: "rate_mismatch", line: 26, stated: "91.00%", computed: "90.00%" },
    ]);
  });

  it("recognizes the format by content when the name is wrong", async () => {
    const docx = await buildDocx("一、基本情况\n（一）部门概况");
    expect(await extractReportText(docx, "report.txt")).toBe("一、基本情况\n（一）部门概况");
    const pdf = buildTestPdf(["一、基本情况"]);
    expect(await extractReportText(pdf, "report")).toBe("一、基本情况");
  });

  it("reads UTF-8 (with or without BOM) and GB18030 text", async () => {
    const utf8 = new TextEncoder().encode("\uFEFF一、基本情况");
    expect(await extractReportText(utf8, "a.txt")).toBe("一、基本情况");
    // "一、基本情况" in GB18030
    const gb = new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xbb, 0xf9, 0xb1, 0xbe, 0xc7, 0xe9, 0xbf, 0xf6]);
    expect(await extractReportText(gb, "a.txt")).toBe("一、基本情况");
  });

  it("refuses .doc without LibreOffice and other formats with a Chinese message", async () => {
    vi.stubEnv("ZHENGWU_SOFFICE", "/nonexistent/soffice");
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(extractReportText(ole, "报告.doc")).rejects.toThrow(/不支持旧版 Word（\.doc）/);
    await expect(extractReportText(new TextEncoder().encode("x"), "a.doc")).rejects.toThrow(/\.doc/);
    await expect(extractReportText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), "a.png")).rejects.toThrow(
      /无法识别文件/,
    );
    await expect(extractReportText(new TextEncoder().encode("not a pdf"), "a.pdf")).rejects.toThrow(
      /不是有效的 PDF 文件/,
    );
    await expect(extractReportText(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), "a.pdf")).rejects.toThrow(
      /无法读取 PDF 文件/,
    );
  });
});

describe("extractReportText on HTML, .doc, empty input and PDF pages", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  const html = (body: string): string =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>自评报告</title>` +
    `<style>p { margin: 0 }</style><script>var a = "<p>x</p>";</script></head><body>${body}</body></html>`;

  it("reads a web page as its text: no tags, attributes or scripts reach the checks", async () => {
    // Each line of the seed in a styled paragraph: the markup repeats on every line.
    const body = seed
      .split("\n")
      .map(
        (l) =>
          `<p class="MsoNormal" style="text-indent:2em;line-height:28pt"><span style="font-family:仿宋">${l.replace(/&/g, "&amp;")}</span></p>`,
      )
      .join("\n");
    const text = await extractReportText(new TextEncoder().encode(html(body)), "report.html");
    expect(text).not.toMatch(/<|MsoNormal|font-family/);
    expect(brief(checkReportText(text)).map((f) => f.kind)).toEqual(brief(checkReportText(seed)).map((f) => f.kind));
  });

  it("reads a page named .htm, entities and table cells included", async () => {
    const page = html("<table><tr><td>预算数</td><td>100&nbsp;万元</td></tr></table><p>&ldquo;好差评&rdquo;</p>");
    const bytes = new TextEncoder().encode(page);
    const text = await extractReportText(bytes, "page.htm");
    expect(text.split("\n")).toEqual(["预算数 100 万元", "“好差评”"]);
  });

  it("converts a .doc through LibreOffice when it is installed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fake-soffice-"));
    try {
      // A stand-in for soffice: writes the .docx it was asked for (its last two arguments: --outdir dir input).
      const docx = join(dir, "converted.docx");
      writeFileSync(docx, await buildDocx("一、基本情况\n本局下设 3 个科室，即办公室、审批科。"));
      const fake = join(dir, "soffice");
      writeFileSync(fake, `#!/bin/sh\nfor a; do prev="$out"; out="$a"; done\ncp "${docx}" "$prev/report.docx"\n`);
      chmodSync(fake, 0o755);
      vi.stubEnv("ZHENGWU_SOFFICE", fake);
      const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
      const text = await extractReportText(ole, "报告.doc");
      expect(brief(checkReportText(text))).toEqual([
        { kind: "count_mismatch", line: 2, stated: "3 个", computed: "2 个" },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an empty or text-less file with a clear message", async () => {
    await expect(extractReportText(new Uint8Array(), "empty.txt")).rejects.toThrow(/没有可检查的文字/);
    await expect(extractReportText(new TextEncoder().encode(" \n\n \u3000"), "blank.txt")).rejects.toThrow(
      /没有可检查的文字/,
    );
    // A PDF whose pages carry no text (page images of a scan).
    await expect(extractReportText(buildTestPdf([]), "scan.pdf")).rejects.toThrow(/扫描/);
    await expect(extractReportText(new TextEncoder().encode(html("")), "empty.html")).rejects.toThrow(
      /没有可检查的文字/,
    );
  });

  it("gives the PDF page of each finding", async () => {
    const lines = OTHER_REPORT.replace("网办率 90.00%", "网办率 91.00%").split("\n").slice(0, -1);
    // 20 lines a page: line 26 is on page 2.
    const text = await extractReportText(buildTestPdf(lines, 20), "other.pdf");
    expect(checkReportText(text)).toMatchObject([{ kind: "rate_mismatch", line: 26, page: 2 }]);
    expect(checkReportText(OTHER_REPORT.replace("网办率 90.00%", "网办率 91.00%"))[0]?.page).toBeUndefined();
  });
});
