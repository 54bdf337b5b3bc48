import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { columnWidths } from "./table-widths.ts";

/**
 * 公文 layout (GB/T 9704-2012), shared by the self-evaluation report and the 诉求分析简报: A4,
 * margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in 小标宋 二号, level-1 headings
 * 黑体 三号, level-2 楷体 三号, body 仿宋 三号 with a fixed 28.95 pt line. Latin text uses Times New
 * Roman. Page numbers "— 1 —" at the outside corners. Where the 方正/GB2312 fonts are missing,
 * the PDF conversion maps them through the fontconfig file shipped beside docx-to-pdf.ts.
 */
const MM = 56.6929; // twips per millimetre
export const FONTS = {
  title: "方正小标宋简体",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  body: "仿宋_GB2312",
  latin: "Times New Roman",
  pageNumber: "宋体",
} as const;
const SANHAO = 32; // 三号 16 pt in half-points
const ERHAO = 44; // 二号 22 pt
const XIAOSI = 24; // 小四 12 pt, for tables and captions
const SIHAO = 28; // 四号 14 pt, the page number
const LINE = 579; // 28.95 pt in twips
/** The type area: 210 − 28 − 26 = 156 mm wide, in pixels at 96 dpi (what docx sizes images in). */
export const TEXT_WIDTH_PX = Math.round((156 / 25.4) * 96);

export type GongwenRun = { readonly text: string };
/** A chart: the SVG where Word renders it, the PNG for those that cannot (docx requires both). */
export type GongwenImage = {
  kind: "image";
  caption: string;
  svg: Buffer;
  png: Buffer;
  /** Aspect of the drawing; it is scaled to the text width. */
  width: number;
  height: number;
};
export type GongwenBlock =
  | { kind: "heading"; level: 1 | 2 | 3; runs: readonly GongwenRun[] }
  /** `align: "right"` for the sign-off (issuing unit and date) at the end, set flush right. */
  | { kind: "paragraph"; runs: readonly GongwenRun[]; align?: "right" }
  | { kind: "table"; header: readonly string[]; rows: readonly (readonly (readonly GongwenRun[])[])[] }
  | GongwenImage;

/**
 * Simplified Chinese on every run: without it LibreOffice takes its default Asian language (Japanese)
 * and picks the JP faces of the Noto CJK collections, with Japanese glyph forms.
 */
const ZH = { value: "zh-CN", eastAsia: "zh-CN" } as const;
const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin });

function textRuns(runs: readonly GongwenRun[], eastAsia: string): TextRun[] {
  return runs.map((r) => new TextRun({ text: r.text, language: ZH, font: font(eastAsia), size: SANHAO }));
}

function tableOf(b: Extract<GongwenBlock, { kind: "table" }>): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const cell = (runs: readonly GongwenRun[], bold: boolean, i: number) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: runs.map(
            (r) => new TextRun({ text: r.text, bold, language: ZH, font: font(FONTS.body), size: XIAOSI }),
          ),
        }),
      ],
    });
  const text = (runs: readonly GongwenRun[]) => runs.map((r) => r.text).join("");
  const widths = columnWidths(
    b.header,
    b.rows.map((r) => r.map(text)),
    Math.round(156 * MM),
  );
  return new Table({
    width: { size: widths.reduce((x, y) => x + y, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      // The header repeats on every page; a row is never broken across two.
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: b.header.map((h, i) => cell([{ text: h }], true, i)),
      }),
      ...b.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, false, i)) })),
    ],
  });
}

function imageOf(b: GongwenImage): Paragraph[] {
  const width = TEXT_WIDTH_PX;
  const height = Math.round((b.height / b.width) * width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: "svg",
          data: b.svg,
          transformation: { width, height },
          fallback: { type: "png", data: b.png },
          altText: { name: b.caption, title: b.caption, description: b.caption },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: b.caption, language: ZH, font: font(FONTS.heading2), size: XIAOSI })],
    }),
  ];
}

function toDocx(b: GongwenBlock): Array<Paragraph | Table> {
  switch (b.kind) {
    case "heading":
      return [
        new Paragraph({
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          indent: { firstLine: 640 },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          children: textRuns(b.runs, b.level === 1 ? FONTS.heading1 : FONTS.heading2),
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          // The sign-off sits flush right, four characters in from the edge (GB/T 9704 7.3.5).
          ...(b.align === "right"
            ? { alignment: AlignmentType.RIGHT, indent: { right: 1280 } }
            : { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 640 } }),
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          children: textRuns(b.runs, FONTS.body),
        }),
      ];
    case "table":
      return [tableOf(b)];
    case "image":
      return imageOf(b);
  }
}

const headingStyle = (id: string, name: string, eastAsia: string, size: number) => ({
  id,
  name,
  basedOn: "Normal",
  next: "Normal",
  run: { language: ZH, font: font(eastAsia), size },
});

/**
 * GB/T 9704 page number: "— 1 —" in 4 号 半角宋体 at the outside corner, one character (14 pt) in from
 * the edge of the type area: right on odd pages, left on even ones.
 */
function pageNumberFooter(side: "odd" | "even"): Footer {
  const odd = side === "odd";
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            language: ZH,
            font: { ascii: FONTS.pageNumber, hAnsi: FONTS.pageNumber, eastAsia: FONTS.pageNumber },
            size: SIHAO,
          }),
        ],
      }),
    ],
  });
}

/** A Word document in the 公文 layout: the title, then the blocks in order. */
export async function renderGongwenDocx(title: string, blocks: readonly GongwenBlock[]): Promise<Buffer> {
  const document = new Document({
    creator: "Zhengwu 政务",
    title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { language: ZH, font: font(FONTS.body), size: SANHAO } } },
      paragraphStyles: [
        headingStyle("Title", "Title", FONTS.title, ERHAO),
        headingStyle("Heading1", "Heading 1", FONTS.heading1, SANHAO),
        headingStyle("Heading2", "Heading 2", FONTS.heading2, SANHAO),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
              // The page number's line sits 7 mm below the type area (35 − 7 − the 4 号 line ≈ 23 mm).
              footer: Math.round(23 * MM),
            },
          },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { after: LINE },
            children: [new TextRun({ text: title, language: ZH, font: font(FONTS.title), size: ERHAO })],
          }),
          ...blocks.flatMap(toDocx),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
