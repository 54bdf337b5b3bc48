/**
 * One open resource as the open catalog publishes it (CKAN's "package", DCAT's dataset): the
 * resource's catalog metadata without any personal-data field, and its provider unit.
 */
export type OpenField = { name: string; type: string; typeLabel: string; length: number };

export type OpenDataset = {
  id: string;
  /** The catalog code, also the CKAN package name (lowercase digits and "-"). */
  code: string;
  title: string;
  summary: string;
  classification: "basic" | "thematic" | "department";
  classificationLabel: string;
  subclass: string;
  format: string;
  openType: "unconditional" | "conditional";
  openTypeLabel: string;
  updateCycle: string;
  updateCycleLabel: string;
  publishedOn: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  provider: { id: string; name: string };
  fields: OpenField[];
  /** Rows the portal can serve for download (stored rows), 0 for a registered-only resource. */
  rows: number;
};

/** The publishing district, as a CKAN site and a DCAT catalogue. */
export type OpenSite = {
  /** Absolute base URL of the server, without a trailing slash. */
  baseUrl: string;
  /** Base URL of this tenant's CKAN API (where `/api/3/action/...` is appended). */
  apiBase: string;
  tenantCode: string;
  title: string;
  publisher: string;
  /** The bureau's public address for data questions, when the tenant has one. */
  contactEmail: string | null;
  licence: { id: string; title: string; url: string };
};

/** The downloads every open dataset offers (CKAN resources, DCAT distributions). */
export const DOWNLOADS = [
  { format: "CSV", ext: "csv", mediaType: "text/csv" },
  { format: "XLSX", ext: "xlsx", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { format: "JSON", ext: "json", mediaType: "application/json" },
] as const;

/** Downloads are offered for 无条件开放 only; a 有条件开放 dataset is listed and is applied for. */
export const downloadsOf = (d: OpenDataset) => (d.openType === "unconditional" ? DOWNLOADS : []);

export const downloadUrl = (site: OpenSite, code: string, ext: string) =>
  `${site.baseUrl}/api/public/data/${site.tenantCode}/resources/${code}/download.${ext}`;
