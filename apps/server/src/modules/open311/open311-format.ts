/** ISO 8601 with the business zone's offset, as GeoReport v2 asks: 2022-09-30T10:00:00+08:00. */
export function toZonedIso(d: Date | null): string | null {
  if (!d) {
    return null;
  }
  return `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

function escapeXml(s: string): string {
  return s.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] ?? c,
  );
}

type XmlValue = string | number | boolean | null | XmlValue[] | { [k: string]: XmlValue };

function element(name: string, value: XmlValue): string {
  if (value === null) {
    return `<${name}/>`;
  }
  if (Array.isArray(value)) {
    return `<${name}>${value.map((v) => element(itemName(name), v)).join("")}</${name}>`;
  }
  if (typeof value === "object") {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join("")}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

// Spec element names for list items (keywords are a plain comma list, not repeated elements).
const ITEMS: Record<string, string> = {
  services: "service",
  service_requests: "request",
  errors: "error",
  attributes: "attribute",
  values: "value",
};
function itemName(list: string): string {
  return ITEMS[list] ?? "item";
}

/** Serializes a GeoReport v2 answer: `root` is the list element (services, service_requests, errors). */
export function toXml(root: string, items: XmlValue[] | Record<string, XmlValue>): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, items)}`;
}

export type { XmlValue };
