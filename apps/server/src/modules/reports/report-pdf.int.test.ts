import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { systemClock } from "../../platform/clock.ts";
import { loadDemoBudget } from "../demo/demo-budget.ts";
import { blockText } from "./report-model.ts";
import { buildReportFor } from "./reports.service.ts";
import { faceCmap, pdfGlyphNames } from "./test-glyphs.ts";

const h = setUpHarness();
const YEAR = 2022;
let leader: TestUser;
const dir = mkdtempSync(join(tmpdir(), "zw-report-pdf-"));

const installed = (cmd: string, args: string[]) => {
  try {
    execFileSync(cmd, args, { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
};
// CI installs LibreOffice, poppler-utils and the CJK fonts; only a bare developer machine skips.
const canRender = installed("soffice", ["--version"]) && installed("pdffonts", ["-v"]);

beforeAll(async () => {
  leader = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["leader"]);
  await loadDemoBudget(h.database.db, systemClock, h.tenant.id, h.tenant.units.a.id, YEAR);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the report's 公文 typography", () => {
  it("numbers pages GB/T 9704-style in the DOCX: “— 1 —”, 4 号 宋体, outside corners", async () => {
    const res = await h.built.app.inject({ url: `/api/reports/${YEAR}/report.docx`, headers: authHeaders(leader) });
    const zip = await JSZip.loadAsync(res.rawPayload);
    const settings = (await zip.file("word/settings.xml")?.async("string")) ?? "";
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/footer\d+\.xml$/.test(n))
        .map(async (n) => (await zip.file(n)?.async("string")) ?? ""),
    );
    expect(footers).toHaveLength(2);
    for (const xml of footers) {
      expect(xml).toMatch(/— <\/w:t>.*PAGE.*<w:t[^>]*> —/s);
      expect(xml).toContain('w:eastAsia="宋体"');
      expect(xml).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((x) => /<w:jc w:val="(right|left)"\/>/.exec(x)?.[1]).sort()).toEqual(["left", "right"]);
    const doc = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(doc).toContain("<w:cantSplit/>");
    expect(doc).toContain("<w:tblHeader/>");
  });

  it.skipIf(!canRender)(
    "renders the PDF with the shipped font substitution: SC serif body, sans 黑体, UKai 楷体, page numbers",
    { timeout: 180_000 },
    async () => {
      const res = await h.built.app.inject({ url: `/api/reports/${YEAR}/report.pdf`, headers: authHeaders(leader) });
      expect(res.statusCode).toBe(200);
      const pdf = join(dir, "report.pdf");
      writeFileSync(pdf, res.rawPayload);
      const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" });
      // 仿宋 body → Noto Serif CJK, 小标宋 title → its bold, 黑体 → Noto Sans CJK, 楷体 → AR PL UKai CN;
      // nothing left to whatever fallback the server has.
      expect(fonts).toMatch(/NotoSerifCJK\w*-Regular/);
      expect(fonts).toMatch(/NotoSerifCJK\w*-Bold/);
      expect(fonts).toMatch(/NotoSansCJK\w*-Regular/);
      expect(fonts).toMatch(/UKaiCN/);
      expect(fonts).not.toMatch(/DejaVu|Droid|WenQuanYi/i);
      // The collection's shared CFF is named "…jp…" whatever face drew it: the glyphs tell. Every body
      // character whose simplified-Chinese form differs from the Japanese one is drawn in the SC form.
      const doc = await buildReportFor(h.database.db, systemClock, h.tenant.id, YEAR);
      const body = new Set(doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [...blockText(b.runs)] : [])));
      const sc = faceCmap("Noto Serif CJK SC");
      const jp = faceCmap("Noto Serif CJK JP");
      const drawn = pdfGlyphNames(res.rawPayload);
      const differing = [...body].filter((ch) => {
        const c = ch.codePointAt(0) ?? 0;
        return sc.has(c) && sc.get(c) !== jp.get(c);
      });
      expect(differing.length).toBeGreaterThan(50);
      const cid = (map: Map<number, number>, ch: string) => `cid${map.get(ch.codePointAt(0) ?? 0)}`;
      expect(differing.filter((ch) => !drawn.has(cid(sc, ch)))).toEqual([]);
      const scCids = new Set(differing.map((ch) => cid(sc, ch)));
      const japanese = differing.filter((ch) => drawn.has(cid(jp, ch)) && !scCids.has(cid(jp, ch)));
      expect(japanese.length).toBeLessThan(differing.length / 10);
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      const pages = text.split("\f").filter((p) => p.trim() !== "");
      expect(pages.length).toBeGreaterThan(2);
      pages.forEach((page, i) => {
        // pdftotext drops the half-width spaces around the number.
        expect(page).toMatch(new RegExp(`—\\s*${i + 1}\\s*—\\s*$`));
      });
    },
  );
});
