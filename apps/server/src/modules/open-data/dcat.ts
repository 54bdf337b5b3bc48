import { tagsOf } from "./ckan-dicts.ts";
import { downloadsOf, downloadUrl, type OpenDataset, type OpenSite } from "./open-dataset.ts";
import { iri, type RdfNode, type Term, typed, zh } from "./rdf-graph.ts";

/*
 * The open catalog in DCAT-AP 3: one dcat:Catalog with its publisher (foaf:Agent), licence
 * (dcterms:LicenseDocument) and datasets; each dcat:Dataset with its contact point (vcard:Kind),
 * publisher and one dcat:Distribution per download. Mandatory properties of DCAT-AP 3:
 * Catalogue — dcterms:title, dcterms:description, dcterms:publisher; Dataset — dcterms:title,
 * dcterms:description; Distribution — dcat:accessURL; Agent — foaf:name.
 */
const FREQUENCY: Record<string, string> = {
  realtime: "CONT",
  daily: "DAILY",
  weekly: "WEEKLY",
  monthly: "MONTHLY",
  quarterly: "QUARTERLY",
  yearly: "ANNUAL",
  irregular: "IRREG",
};
const EU_FREQ = "http://publications.europa.eu/resource/authority/frequency/";
const EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";

export function dcatGraph(site: OpenSite, datasets: readonly OpenDataset[]): RdfNode[] {
  const catalogId = `${site.apiBase}/catalog`;
  const publisherId = `${site.apiBase}/publisher`;
  const licenceId = site.licence.url;
  const nodes: RdfNode[] = [
    {
      id: catalogId,
      types: ["dcat:Catalog"],
      props: [
        ["dcterms:title", zh(site.title)],
        ["dcterms:description", zh(`${site.publisher}发布的开放数据目录：无条件开放与有条件开放的政务信息资源。`)],
        ["dcterms:publisher", iri(publisherId)],
        ["dcterms:license", iri(licenceId)],
        ["dcterms:language", iri("http://publications.europa.eu/resource/authority/language/ZHO")],
        ["foaf:homepage", iri(`${site.baseUrl}/public/data?tenant=${site.tenantCode}`)],
        ...datasets.map((d): [string, ReturnType<typeof iri>] => ["dcat:dataset", iri(datasetId(site, d))]),
      ],
    },
    {
      id: publisherId,
      types: ["foaf:Agent"],
      props: [
        ["foaf:name", zh(site.publisher)],
        ["dcterms:type", iri("http://purl.org/adms/publishertype/NationalAuthority")],
      ],
    },
    { id: licenceId, types: ["dcterms:LicenseDocument"], props: [["dcterms:title", zh(site.licence.title)]] },
  ];
  for (const d of datasets) {
    nodes.push(...datasetNodes(site, d, publisherId, licenceId));
  }
  return nodes;
}

const datasetId = (site: OpenSite, d: OpenDataset) => `${site.apiBase}/dataset/${d.code}`;

function datasetNodes(site: OpenSite, d: OpenDataset, publisherId: string, licenceId: string): RdfNode[] {
  const id = datasetId(site, d);
  const contactId = `${id}#contact`;
  const distributions: RdfNode[] = downloadsOf(d).map((dl) => ({
    id: `${id}/distribution/${dl.ext}`,
    types: ["dcat:Distribution"],
    props: [
      ["dcat:accessURL", iri(downloadUrl(site, d.code, dl.ext))],
      ["dcat:downloadURL", iri(downloadUrl(site, d.code, dl.ext))],
      ["dcterms:title", zh(`${d.title}（${dl.format}）`)],
      ["dcterms:description", zh(`${d.title}的开放字段：${d.fields.map((f) => f.name).join("、")}`)],
      ["dcterms:format", iri(`${EU_FILE_TYPE}${dl.format}`)],
      ["dcat:mediaType", iri(`https://www.iana.org/assignments/media-types/${dl.mediaType}`)],
      ["dcterms:license", iri(licenceId)],
      ["dcterms:modified", typed(d.updatedAt.toISOString(), "xsd:dateTime")],
    ],
  }));
  const dataset: RdfNode = {
    id,
    types: ["dcat:Dataset"],
    props: [
      ["dcterms:title", zh(d.title)],
      ["dcterms:description", zh(d.summary || d.title)],
      ["dcterms:identifier", typed(d.code, "xsd:string")],
      ["dcterms:publisher", iri(publisherId)],
      ["dcterms:creator", zh(d.provider.name)],
      ["dcat:contactPoint", iri(contactId)],
      ["dcterms:issued", typed(d.publishedOn, "xsd:date")],
      ["dcterms:modified", typed(d.updatedAt.toISOString(), "xsd:dateTime")],
      ["dcterms:accrualPeriodicity", iri(`${EU_FREQ}${FREQUENCY[d.updateCycle] ?? "UNKNOWN"}`)],
      ["dcat:landingPage", iri(`${site.baseUrl}/public/data/${d.code}?tenant=${site.tenantCode}`)],
      ...tagsOf(d).map((t): [string, ReturnType<typeof zh>] => ["dcat:keyword", zh(t)]),
      ...distributions.map((x): [string, ReturnType<typeof iri>] => ["dcat:distribution", iri(x.id)]),
    ],
  };
  const contact: RdfNode = {
    id: contactId,
    types: ["vcard:Kind"],
    props: [
      ["vcard:fn", zh(d.provider.name)],
      ...(site.contactEmail ? [["vcard:hasEmail", iri(`mailto:${site.contactEmail}`)] as [string, Term]] : []),
    ],
  };
  return [dataset, contact, ...distributions];
}
