/*
 * A small RDF graph of the open catalog, written once and serialized two ways (JSON-LD and Turtle)
 * so the two exports cannot say different things.
 */
export const PREFIXES = {
  dcat: "http://www.w3.org/ns/dcat#",
  dcterms: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
} as const;

export type Term = { iri: string } | { value: string; lang?: string; datatype?: string };
export type RdfNode = { id: string; types: string[]; props: [string, Term][] };

export const iri = (i: string): Term => ({ iri: i });
export const zh = (value: string): Term => ({ value, lang: "zh-CN" });
export const typed = (value: string, datatype: string): Term => ({ value, datatype });

/** "dcat:Dataset" → full IRI; a full IRI stays as it is. */
export function expand(curie: string): string {
  const [prefix, local] = curie.split(":", 2);
  const base = PREFIXES[prefix as keyof typeof PREFIXES];
  return base && local !== undefined ? base + local : curie;
}

export function toJsonLd(nodes: readonly RdfNode[]): Record<string, unknown> {
  const graph = nodes.map((n) => {
    const out: Record<string, unknown> = { "@id": n.id, "@type": n.types.length === 1 ? n.types[0] : n.types };
    for (const [p, t] of n.props) {
      const value =
        "iri" in t
          ? { "@id": t.iri }
          : t.lang
            ? { "@value": t.value, "@language": t.lang }
            : t.datatype
              ? { "@value": t.value, "@type": t.datatype }
              : t.value;
      const prev = out[p];
      out[p] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
    return out;
  });
  return { "@context": { ...PREFIXES }, "@graph": graph };
}

const escapeTurtle = (s: string) =>
  s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r");

function turtleTerm(t: Term): string {
  if ("iri" in t) {
    return expand(t.iri) === t.iri ? `<${t.iri}>` : t.iri;
  }
  const lit = `"${escapeTurtle(t.value)}"`;
  return t.lang ? `${lit}@${t.lang}` : t.datatype ? `${lit}^^${t.datatype}` : lit;
}

export function toTurtle(nodes: readonly RdfNode[]): string {
  const head = Object.entries(PREFIXES).map(([k, v]) => `@prefix ${k}: <${v}> .`);
  const body = nodes.map((n) => {
    const lines = [`<${n.id}> a ${n.types.join(", ")}`];
    for (const [p, t] of n.props) {
      lines.push(`    ${p} ${turtleTerm(t)}`);
    }
    return `${lines.join(" ;\n")} .`;
  });
  return `${head.join("\n")}\n\n${body.join("\n\n")}\n`;
}
