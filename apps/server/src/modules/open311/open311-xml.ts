/**
 * A small XML writer for GeoReport v2 answers: schemaless, no namespace, the spec's element names.
 * Lists are written as a parent element with one child per item (services → service).
 */
export type XmlValue = string | number | boolean | null | readonly XmlValue[] | { readonly [name: string]: XmlValue };

// The spec's element names for the items of each list.
const ITEM_NAMES: Record<string, string> = {
  services: "service",
  service_requests: "request",
  errors: "error",
  attributes: "attribute",
  values: "value",
  endpoints: "endpoint",
  formats: "format",
};

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" };

/** Text content: markup characters escaped, characters XML forbids dropped. */
export function escapeXmlText(s: string): string {
  return s.replace(NOT_XML_CHAR, "").replace(/[<>&"']/g, (c) => ENTITIES[c] ?? c);
}

function element(name: string, value: XmlValue): string {
  if (!NAME.test(name)) {
    throw new Error(`not an XML element name: ${name}`);
  }
  if (value === null) {
    return `<${name}/>`;
  }
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) {
      throw new Error(`no item element name for the list ${name}`);
    }
    return `<${name}>${value.map((v) => element(item, v)).join("")}</${name}>`;
  }
  if (typeof value === "object") {
    const children = Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join("");
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXmlText(String(value))}</${name}>`;
}

/** A whole document: the declaration (UTF-8, as the spec requires) and the root element. */
export function toXmlDocument(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
}
