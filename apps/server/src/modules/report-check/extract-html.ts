// Named entities common in Chinese government pages; numeric ones are decoded generally.
const ENTITIES: Record<string, string> = {
  nbsp: " ",
  ensp: " ",
  emsp: "\u3000",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  middot: "·",
  times: "×",
  divide: "÷",
  le: "≤",
  ge: "≥",
  permil: "‰",
  amp: "&",
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) {
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    }
    if (name.startsWith("#")) {
      return String.fromCodePoint(Number(name.slice(1)));
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK =
  "p|div|h[1-6]|li|ul|ol|tr|table|thead|tbody|section|article|header|footer|blockquote|pre|dt|dd|dl|hr|title";

/** Whether bytes read as text are an HTML page (saved from a government website, say). */
export function looksLikeHtml(head: string): boolean {
  const start = head
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 1024)
    .toLowerCase();
  return /^<(!doctype html|html|\?xml[^>]*>\s*<html|head|body|meta)/.test(start) || /<(html|body)[\s>]/.test(start);
}

/** The charset a page declares (<meta charset="gb2312">), for pages not in UTF-8. */
export function declaredCharset(head: string): string | undefined {
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
}

/**
 * The text of an HTML page as a report would print it: scripts, styles and the head dropped, one
 * line per block element and table row (no blank lines), cells apart, entities decoded. Tags and attributes never
 * reach the checks (they repeat on every line and would read as repeated sentences).
 */
export function htmlText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style|head|noscript|template)[\s>][\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(new RegExp(`</?(?:${BLOCK})(?:\\s[^>]*)?/?>`, "gi"), "\n")
    .replace(/<\/?t[dh](?:\s[^>]*)?>/gi, "\t")
    .replace(/<[^>]*>/g, "");
  return (
    decodeEntities(text)
      .split("\n")
      .map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim())
      .join("\n")
      // One line a paragraph: a finding's line is the page's paragraph count, whatever the markup.
      .replace(/\n{2,}/g, "\n")
      .trim()
  );
}
