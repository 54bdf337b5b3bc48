import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import JSZip from "jszip";
import { docToDocx } from "./extract-doc.ts";
import { declaredCharset, htmlText, looksLikeHtml } from "./extract-html.ts";

type Format = "txt" | "docx" | "pdf" | "doc" | "html";

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => data[i] === b);
}

const UNSUPPORTED: Record<string, string> = {
  wps: "不支持 WPS（.wps）文件，请另存为 .docx 或 PDF 后再检查",
  xls: "不支持 Excel 文件，请提供报告的 .txt、.docx 或 PDF",
  xlsx: "不支持 Excel 文件，请提供报告的 .txt、.docx 或 PDF",
  rtf: "不支持 RTF 文件，请另存为 .docx 或 PDF 后再检查",
};

function detectFormat(data: Uint8Array, fileName: string): Format {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  // Content wins over the name: uploads are often misnamed.
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46])) {
    return "pdf";
  }
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === "xlsx") {
      throw new Error(UNSUPPORTED.xlsx);
    }
    return "docx";
  }
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) {
    // An OLE compound file: a legacy Word document unless the name says otherwise.
    const unsupported = UNSUPPORTED[ext];
    if (unsupported) {
      throw new Error(unsupported);
    }
    return "doc";
  }
  const unsupported = UNSUPPORTED[ext];
  if (unsupported) {
    throw new Error(unsupported);
  }
  if (data.subarray(0, 8192).includes(0)) {
    throw new Error(`无法识别文件“${fileName}”的格式，请提供 .txt、.docx、.doc、HTML 或 PDF`);
  }
  // Word and web pages save "HTML" under many names (.htm, .doc, .shtml): content decides.
  if (looksLikeHtml(new TextDecoder("latin1").decode(data.subarray(0, 2048))) || /^(s?html?|xhtml)$/.test(ext)) {
    return "html";
  }
  if (ext === "docx" || ext === "pdf" || ext === "doc") {
    throw new Error(`文件“${fileName}”不是有效的 ${ext === "doc" ? "Word（.doc）" : ext.toUpperCase()} 文件`);
  }
  return "txt";
}

/** UTF-8 first; reports saved by Chinese Windows tools are often GB18030. */
function decodeText(data: Uint8Array, charset?: string): string {
  if (charset && /^(gb2312|gbk|gb18030|x-gbk)$/.test(charset)) {
    return new TextDecoder("gb18030").decode(data);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(data);
  }
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, "&");
}

/** Each w:p paragraph of word/document.xml is one line; w:br inside a paragraph breaks the line. */
async function docxText(data: Uint8Array, fileName: string): Promise<string> {
  let xml: string | undefined;
  try {
    const zip = await JSZip.loadAsync(data);
    xml = await zip.file("word/document.xml")?.async("string");
  } catch {
    throw new Error(`无法读取 Word 文件“${fileName}”：文件已损坏或不是 .docx`);
  }
  if (xml === undefined) {
    throw new Error(`文件“${fileName}”不是 Word 文档（缺少 word/document.xml）`);
  }
  const body = xml.replace(/<w:body>/, "").replace(/<w:sectPr[\s\S]*?<\/w:sectPr>/g, "");
  const lines: string[] = [];
  for (const p of body.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    let line = "";
    for (const token of p[0].matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>|<w:cr\/>/g)) {
      if (token[1] !== undefined) {
        line += decodeXml(token[1]);
      } else if (token[0] === "<w:tab/>") {
        line += "\t";
      } else {
        line += "\n";
      }
    }
    lines.push(line);
  }
  return lines.join("\n");
}

interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === "object" && item !== null && "str" in item && "transform" in item;
}

/**
 * pdf.js reads the CMaps of non-embedded Chinese fonts (STSong-Light with UniGB-UCS2-H, common in
 * government PDFs) and the standard fonts from files shipped in its package.
 */
function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return { cMapUrl: `${join(root, "cmaps")}/`, standardFontDataUrl: `${join(root, "standard_fonts")}/` };
}

/**
 * Text of each page, one line per text line (items on a new baseline start a new line); pages are
 * separated by a form feed, so that findings can name their page.
 */
async function pdfText(data: Uint8Array, fileName: string): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>["promise"]>;
  try {
    // pdf.js takes ownership of the buffer: hand it a copy.
    doc = await pdfjs.getDocument({
      data: new Uint8Array(data),
      ...pdfjsAssets(),
      cMapPacked: true,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch {
    throw new Error(`无法读取 PDF 文件“${fileName}”：文件已损坏或已加密`);
  }
  try {
    const pages: string[] = [];
    for (let pageNo = 1; pageNo <= doc.numPages; pageNo++) {
      const lines: string[] = [];
      const page = await doc.getPage(pageNo);
      const content = await page.getTextContent();
      let line = "";
      let lastY: number | undefined;
      for (const item of content.items) {
        if (!isTextItem(item)) {
          continue;
        }
        const y = item.transform[5];
        if (lastY !== undefined && y !== undefined && Math.abs(y - lastY) > 1 && line !== "") {
          lines.push(line);
          line = "";
        }
        line += item.str;
        lastY = y;
        if (item.hasEOL) {
          lines.push(line);
          line = "";
        }
      }
      if (line !== "") {
        lines.push(line);
      }
      pages.push(lines.join("\n"));
    }
    return pages.join("\f");
  } finally {
    await doc.destroy();
  }
}

async function extractByFormat(data: Uint8Array, fileName: string): Promise<string> {
  switch (detectFormat(data, fileName)) {
    case "pdf":
      return pdfText(data, fileName);
    case "docx":
      return docxText(data, fileName);
    case "doc":
      return docxText(await docToDocx(data, fileName), fileName);
    case "html": {
      const head = new TextDecoder("latin1").decode(data.subarray(0, 4096));
      return htmlText(decodeText(data, declaredCharset(head)));
    }
    default:
      return decodeText(data);
  }
}

/**
 * The plain text of a report file. @throws Error with a Chinese message when the format cannot be
 * read, or when the file holds no text to check (empty, or a scanned PDF of page images).
 */
export async function extractText(data: Uint8Array, fileName: string): Promise<string> {
  const text = await extractByFormat(data, fileName);
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new Error(`文件“${fileName}”中没有可检查的文字（空文件，或由图片扫描生成的 PDF）`);
  }
  return text;
}
