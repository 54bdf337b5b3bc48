import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

/**
 * Test support for the PDF's glyph forms. The Noto CJK collections share one CFF (named "…CJKjp…")
 * among their JP/KR/SC/TC faces, so pdffonts cannot tell which face was used; the faces differ in
 * their cmaps. This reads a face's cmap (format 12) so a test can check which glyphs (CIDs, which
 * LibreOffice keeps in the subset's glyph names "cidNNNNN") the PDF drew for a character.
 */
export function faceCmap(family: string): Map<number, number> {
  const [file, index] = execFileSync("fc-match", ["-f", "%{file}\n%{index}", family], { encoding: "utf8" }).split("\n");
  const buf = readFileSync(file ?? "");
  const face = buf.toString("latin1", 0, 4) === "ttcf" ? buf.readUInt32BE(12 + 4 * Number(index ?? 0)) : 0;
  const tables = buf.readUInt16BE(face + 4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const rec = face + 12 + 16 * i;
    if (buf.toString("latin1", rec, rec + 4) === "cmap") {
      cmap = buf.readUInt32BE(rec + 8);
    }
  }
  const map = new Map<number, number>();
  const subtables = buf.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const rec = cmap + 4 + 8 * i;
    const sub = cmap + buf.readUInt32BE(rec + 4);
    if (buf.readUInt16BE(rec) !== 3 || buf.readUInt16BE(rec + 2) !== 10 || buf.readUInt16BE(sub) !== 12) {
      continue;
    }
    const groups = buf.readUInt32BE(sub + 12);
    for (let g = 0; g < groups; g++) {
      const at = sub + 16 + 12 * g;
      const start = buf.readUInt32BE(at);
      const end = buf.readUInt32BE(at + 4);
      const glyph = buf.readUInt32BE(at + 8);
      for (let c = start; c <= end; c++) {
        map.set(c, glyph + c - start);
      }
    }
  }
  return map;
}

/** The glyph names ("cid12345") of every font program embedded in a PDF. */
export function pdfGlyphNames(pdf: Buffer): Set<string> {
  const names = new Set<string>();
  let at = 0;
  for (;;) {
    const s = pdf.indexOf("stream", at, "latin1");
    if (s < 0) {
      break;
    }
    const start = pdf[s + 6] === 0x0d ? s + 8 : s + 7;
    const end = pdf.indexOf("endstream", start, "latin1");
    if (end < 0) {
      break;
    }
    try {
      for (const m of inflateSync(pdf.subarray(start, end))
        .toString("latin1")
        .matchAll(/\/(cid\d+)/g)) {
        names.add(`cid${Number((m[1] ?? "").slice(3))}`);
      }
    } catch {
      // Not a deflated stream (images, or raw data): no glyph names there.
    }
    at = end + 9;
  }
  return names;
}
