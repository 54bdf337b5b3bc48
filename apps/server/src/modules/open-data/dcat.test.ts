import jsonld from "jsonld";
import { DataFactory, Parser, Store } from "n3";
import { describe, expect, it } from "vitest";
import { dcatGraph } from "./dcat.ts";
import { DATASETS, SITE } from "./open-data.fixture.ts";
import { expand, toJsonLd, toTurtle } from "./rdf-graph.ts";

const { namedNode } = DataFactory;
const RDF_TYPE = namedNode(expand("rdf:type"));

async function jsonLdStore(doc: Record<string, unknown>): Promise<Store> {
  const nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, {
    format: "application/n-quads",
  })) as unknown as string;
  return new Store(new Parser({ format: "N-Quads" }).parse(nquads));
}

const ofType = (s: Store, type: string) => s.getSubjects(RDF_TYPE, namedNode(expand(type)), null);
const has = (s: Store, subject: string, prop: string) =>
  s.getObjects(namedNode(subject), namedNode(expand(prop)), null).length > 0;

// DCAT-AP 3's mandatory properties per class (the SEMIC specification's "Mandatory" tables).
const MANDATORY: Record<string, string[]> = {
  "dcat:Catalog": ["dcterms:title", "dcterms:description", "dcterms:publisher"],
  "dcat:Dataset": ["dcterms:title", "dcterms:description"],
  "dcat:Distribution": ["dcat:accessURL"],
  "foaf:Agent": ["foaf:name"],
};

describe("the open catalog in DCAT-AP 3", () => {
  const graph = dcatGraph(SITE, DATASETS);

  it("JSON-LD and Turtle carry the same triples (each read by a standard RDF parser)", async () => {
    const fromJsonLd = await jsonLdStore(toJsonLd(graph));
    const fromTurtle = new Store(new Parser({ format: "text/turtle" }).parse(toTurtle(graph)));
    expect(fromJsonLd.size).toBeGreaterThan(50);
    expect(fromTurtle.size).toBe(fromJsonLd.size);
    for (const q of fromTurtle.getQuads(null, null, null, null)) {
      expect(fromJsonLd.has(DataFactory.quad(q.subject, q.predicate, q.object))).toBe(true);
    }
  });

  it("has every mandatory class with its mandatory properties", async () => {
    const s = await jsonLdStore(toJsonLd(graph));
    expect(ofType(s, "dcat:Catalog")).toHaveLength(1);
    expect(ofType(s, "dcat:Dataset")).toHaveLength(DATASETS.length);
    // Three downloads per 无条件开放 dataset; the 有条件开放 one is listed without any.
    expect(ofType(s, "dcat:Distribution")).toHaveLength(2 * 3);
    for (const [type, props] of Object.entries(MANDATORY)) {
      for (const subject of ofType(s, type)) {
        for (const p of props) {
          expect(has(s, subject.value, p), `${type} ${subject.value} ${p}`).toBe(true);
        }
      }
    }
  });

  it("links each dataset to a publisher, a contact point (vcard:Kind) and a licensed distribution", async () => {
    const s = await jsonLdStore(toJsonLd(graph));
    for (const d of ofType(s, "dcat:Dataset")) {
      const [contact] = s.getObjects(d, namedNode(expand("dcat:contactPoint")), null);
      expect(contact && s.has(DataFactory.quad(contact as never, RDF_TYPE, namedNode(expand("vcard:Kind"))))).toBe(
        true,
      );
      expect(has(s, d.value, "dcterms:publisher")).toBe(true);
      for (const dist of s.getObjects(d, namedNode(expand("dcat:distribution")), null)) {
        const [licence] = s.getObjects(dist, namedNode(expand("dcterms:license")), null);
        expect(licence?.value).toBe(SITE.licence.url);
      }
    }
    expect(ofType(s, "dcterms:LicenseDocument").map((x) => x.value)).toEqual([SITE.licence.url]);
  });

  it("escapes quotes and line breaks in Turtle literals", () => {
    const tricky = [{ ...DATASETS[0], summary: '第一行\n"引号"与\\反斜杠' }] as typeof DATASETS;
    const parsed = new Parser({ format: "text/turtle" }).parse(toTurtle(dcatGraph(SITE, tricky)));
    expect(parsed.some((q) => q.object.value === '第一行\n"引号"与\\反斜杠')).toBe(true);
  });
});
