/**
 * Writes a minimal PDF (test helper): one text line per input line, no embedded font. CJK text
 * uses the non-embedded Adobe-GB1 font STSong-Light with the UniGB-UCS2-H CMap, which is how many
 * Chinese PDFs reference 宋体; pdf.js maps it back to Unicode from its bundled CMaps.
 */
export function buildTestPdf(lines: string[], linesPerPage = 60): Uint8Array {
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += linesPerPage) {
    pages.push(lines.slice(i, i + linesPerPage));
  }
  if (pages.length === 0) {
    pages.push([]);
  }
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add("");
  const pagesObj = add("");
  const font = add(
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [" +
      `${objects.length + 2} 0 R] >>`,
  );
  add(
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light " +
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> " +
      `/FontDescriptor ${objects.length + 2} 0 R /DW 1000 >>`,
  );
  add(
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] " +
      "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
  );
  // pdf.js drops text beyond the page edge: shrink the font until the longest line fits.
  const longest = Math.max(1, ...lines.map((l) => Array.from(l).length));
  const size = Math.min(10, Math.floor((510 / longest) * 10) / 10);
  const pageIds: number[] = [];
  for (const pageLines of pages) {
    const ops = pageLines.map((line, i) => {
      const hex = Array.from(line)
        .map((c) => (c.codePointAt(0) ?? 32).toString(16).padStart(4, "0"))
        .join("");
      return `BT /F1 ${size} Tf 40 ${800 - i * 12} Td <${hex}> Tj ET`;
    });
    const stream = ops.join("\n");
    const content = add(`<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`);
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] ` +
          `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) {
    out += `${String(o).padStart(10, "0")} 00000 n \n`;
  }
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}
