import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Block, ReportDoc, Run } from "./report-model.ts";

/**
 * 公文 layout (GB/T 9704-2012): A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm;
 * title in 小标宋 二号, level-1 headings 黑体 三号, level-2 楷体 三号, body 仿宋 三号 with a fixed
 * 28.95 pt line. Latin text uses Times New Roman. Where the 方正/GB2312 fonts are missing, Word
 * and LibreOffice substitute by the eastAsia family (fontconfig maps them to Noto Serif/Sans CJK).
 */
const MM = 56.6929; // twips per millimetre
export const FONTS = {
  title: "方正小标宋简体",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  body: "仿宋_GB2312",
  latin: "Times New Roman",
} as const;
const SANHAO = 32; // 三号 16 pt in half-points
const ERHAO = 44; // 二号 22 pt
const LINE = 579; // 28.95 pt in twips

const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia, cs: FONTS.latin });

function textRuns(runs: Run[], eastAsia: string): TextRun[] {
  return runs.map((r) => new TextRun({ text: r.text, font: font(eastAsia), size: SANHAO }));
}

function tableOf(b: Extract<Block, { kind: "table" }>): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const cell = (runs: Run[], bold: boolean) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: runs.map((r) => new TextRun({ text: r.text, bold, font: font(FONTS.body), size: 24 })),
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: b.header.map((h) => cell([{ text: h }], true)) }),
      ...b.rows.map((row) => new TableRow({ children: row.map((c) => cell(c, false)) })),
    ],
  });
}

function toDocx(b: Block): Paragraph | Table {
  switch (b.kind) {
    case "heading":
      return new Paragraph({
        heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
        indent: { firstLine: 640 },
        spacing: { line: LINE, lineRule: LineRuleType.EXACT },
        children: textRuns(b.runs, b.level === 1 ? FONTS.heading1 : FONTS.heading2),
      });
    case "paragraph":
      return new Paragraph({
        indent: { firstLine: 640 },
        alignment: AlignmentType.JUSTIFIED,
        spacing: { line: LINE, lineRule: LineRuleType.EXACT },
        children: textRuns(b.runs, FONTS.body),
      });
    case "table":
      return tableOf(b);
  }
}

export async function renderDocx(doc: ReportDoc): Promise<Buffer> {
  const document = new Document({
    creator: "Zhengwu 政务",
    title: doc.title,
    styles: {
      default: { document: { run: { font: font(FONTS.body), size: SANHAO } } },
      paragraphStyles: [
        {
          id: "Title",
          name: "Title",
          basedOn: "Normal",
          next: "Normal",
          run: { font: font(FONTS.title), size: ERHAO },
        },
        {
          id: "Heading1",
          name: "Heading 1",
          basedOn: "Normal",
          next: "Normal",
          run: { font: font(FONTS.heading1), size: SANHAO },
        },
        {
          id: "Heading2",
          name: "Heading 2",
          basedOn: "Normal",
          next: "Normal",
          run: { font: font(FONTS.heading2), size: SANHAO },
        },
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
            },
          },
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { after: LINE },
            children: [new TextRun({ text: doc.title, font: font(FONTS.title), size: ERHAO })],
          }),
          ...doc.blocks.map(toDocx),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
