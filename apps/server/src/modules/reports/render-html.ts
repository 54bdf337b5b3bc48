import type { Block, ReportDoc, Run } from "./report-model.ts";

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function runs(doc: ReportDoc, rs: Run[]): string {
  return rs
    .map((r) => {
      if (!("figure" in r)) {
        return esc(r.text);
      }
      const f = doc.figures[r.figure];
      if (!f) {
        return esc(r.text);
      }
      const title = `${f.label}：${f.note}${f.manual ? "（人工登记）" : ""}`;
      return `<a class="fig${f.manual ? " manual" : ""}" data-key="${esc(r.figure)}" href="${esc(f.href)}" title="${esc(title)}">${esc(r.text)}</a>`;
    })
    .join("");
}

function block(doc: ReportDoc, b: Block): string {
  switch (b.kind) {
    case "heading":
      return `<h${b.level + 1}>${runs(doc, b.runs)}</h${b.level + 1}>`;
    case "paragraph":
      return `<p${b.key ? ` data-paragraph="${esc(b.key)}"` : ""}${b.align === "right" ? ' class="signoff"' : ""}>${runs(doc, b.runs)}</p>`;
    case "table":
      return `<table><thead><tr>${b.header.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${b.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${runs(doc, cell)}</td>`).join("")}</tr>`)
        .join("")}</tbody></table>`;
  }
}

const STYLE = `body{font-family:"FangSong","仿宋_GB2312","Noto Serif CJK SC",serif;font-size:16pt;line-height:1.75;max-width:210mm;margin:0 auto;padding:24px}
h1{font-family:"方正小标宋简体","Noto Serif CJK SC",serif;font-size:22pt;text-align:center;font-weight:normal}
h2{font-family:"黑体","Noto Sans CJK SC",sans-serif;font-size:16pt}h3{font-family:"楷体_GB2312","KaiTi",serif;font-size:16pt}
p{text-indent:2em;margin:0 0 .4em}p.signoff{text-align:right;text-indent:0;padding-right:4em}table{border-collapse:collapse;width:100%;font-size:12pt}td,th{border:1px solid #333;padding:4px}
a.fig{color:#0b57d0;text-decoration:underline dotted}a.fig.manual{color:#8a4b00}`;

/** A standalone HTML page; each figure links to the records it was computed from. */
export function renderHtml(doc: ReportDoc, opts: { standalone: boolean } = { standalone: true }): string {
  const body = `<h1>${esc(doc.title)}</h1>\n${doc.blocks.map((b) => block(doc, b)).join("\n")}`;
  if (!opts.standalone) {
    return body;
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.title)}</title><style>${STYLE}</style></head><body>\n${body}\n</body></html>\n`;
}
