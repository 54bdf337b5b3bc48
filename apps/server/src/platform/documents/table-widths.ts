/**
 * Column widths of a 公文 table sized to its content, in twips. A CJK character at 小四 (12 pt) is
 * 240 twips wide, a Latin one about half. Headers may wrap to two lines, figures never wrap, and the
 * widest text column (project names) takes what is left, so most names fit on one or two lines.
 */
const CHAR = 240;
const PADDING = 2 * 108 + 60; // the cell's left and right margins, and the borders

/** Display width in CJK characters: full-width characters count 1, the rest ½. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    // Digits are ½ em in Times New Roman; "%" and capitals are wider, so a Latin character counts 0.6.
    w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : ch === "%" ? 0.85 : 0.6;
  }
  return w;
}

export function columnWidths(header: readonly string[], rows: readonly (readonly string[])[], total: number): number[] {
  const cells = (i: number) => rows.map((r) => textWidth(r[i] ?? ""));
  const wraps = (i: number) => rows.some((r) => /[\u4e00-\u9fff]/.test(r[i] ?? ""));
  // Columns of words (names) wrap; columns of figures keep each value on one line.
  // A short header stays on one line, a long one takes two.
  const head = (h: string) => (textWidth(h) <= 5 ? textWidth(h) : Math.ceil(textWidth(h) / 2));
  const need = header.map((h, i) => {
    const longest = Math.max(0, ...cells(i));
    return Math.max(head(h), wraps(i) ? Math.min(longest, 4) : longest) * CHAR + PADDING;
  });
  const want = header.map((h, i) => Math.max(head(h), ...cells(i)) * CHAR + PADDING);
  const widths = [...need];
  let spare = total - widths.reduce((a, b) => a + b, 0);
  // Give the spare room to the columns that want more, the most wanting first, up to what they want.
  const order = header.map((_, i) => i).sort((a, b) => (want[b] ?? 0) - (want[a] ?? 0));
  for (const i of order) {
    const extra = Math.max(0, Math.min(spare, (want[i] ?? 0) - (widths[i] ?? 0)));
    widths[i] = (widths[i] ?? 0) + extra;
    spare -= extra;
  }
  // Whatever is still left (or missing) is shared in proportion, so the table spans the type area.
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => Math.round((w * total) / sum));
}
