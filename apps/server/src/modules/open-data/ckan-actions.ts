import { GROUP_NAMES, groupDict, organizationDict, packageDict, resourceDict, tagDict, tagsOf } from "./ckan-dicts.ts";
import { CkanError, notFound } from "./ckan-envelope.ts";
import { bool, list, naturalNumber, type Params, requiredId, text } from "./ckan-params.ts";
import { searchDatasets } from "./ckan-search.ts";
import { downloadsOf, type OpenDataset, type OpenSite } from "./open-dataset.ts";

/** The open catalog of one district: the site and its open datasets. */
export type OpenCatalog = { site: OpenSite; datasets: OpenDataset[]; ckanVersion: string };

type Action = (c: OpenCatalog, p: Params) => unknown;

const page = <T>(items: T[], p: Params) => {
  const offset = naturalNumber(p, "offset", 0);
  const limit = p.limit === undefined ? undefined : naturalNumber(p, "limit", 0);
  return items.slice(offset, limit === undefined ? undefined : offset + limit);
};

function findDataset(c: OpenCatalog, id: string): OpenDataset {
  const d = c.datasets.find((x) => x.id === id || x.code === id);
  if (!d) {
    throw notFound();
  }
  return d;
}

function providers(c: OpenCatalog) {
  const byId = new Map<string, { provider: OpenDataset["provider"]; count: number; created: Date }>();
  for (const d of c.datasets) {
    const p = byId.get(d.provider.id) ?? { provider: d.provider, count: 0, created: d.createdAt };
    p.count++;
    p.created = p.created < d.createdAt ? p.created : d.createdAt;
    byId.set(d.provider.id, p);
  }
  return [...byId.values()].sort((a, b) => (a.provider.id < b.provider.id ? -1 : 1));
}

/** organization_list / group_list: `sort` is "name" or "package_count"/"packages" with a direction. */
function sortedBy<T extends { name: string; package_count: number }>(items: T[], p: Params): T[] {
  const [field = "name", dir] = (text(p, "sort") ?? "name asc").trim().split(/\s+/);
  const byCount = field === "packages" || field === "package_count";
  if (!byCount && field !== "name" && field !== "title") {
    throw new CkanError("Validation Error", "Validation Error", { sort: [`Cannot sort by field \`${field}\``] });
  }
  const desc = dir ? dir === "desc" : byCount;
  const out = [...items].sort((a, b) => (byCount ? a.package_count - b.package_count : a.name < b.name ? -1 : 1));
  return desc ? out.reverse() : out;
}

function organizations(c: OpenCatalog) {
  return providers(c).map((x) => ({ ...organizationDict(x.provider, x.created), package_count: x.count }));
}

function groups(c: OpenCatalog) {
  const first = c.datasets.reduce((m, d) => (d.createdAt < m ? d.createdAt : m), new Date());
  return GROUP_NAMES.map((g) => ({
    ...groupDict(g, first),
    package_count: c.datasets.filter((d) => d.classification === g).length,
  }));
}

function listOrShow<T extends { name: string; package_count: number }>(items: T[], p: Params, only: string) {
  const wanted = list(p, only);
  const chosen = sortedBy(wanted ? items.filter((x) => wanted.includes(x.name)) : items, p);
  return bool(p, "all_fields", false)
    ? page(chosen, p)
    : page(
        chosen.map((x) => x.name),
        p,
      );
}

function withDatasets<T extends { name: string }>(c: OpenCatalog, dict: T, p: Params, of: (d: OpenDataset) => boolean) {
  const datasets = c.datasets.filter(of);
  return {
    ...dict,
    package_count: datasets.length,
    packages: bool(p, "include_datasets", false) ? datasets.slice(0, 1000).map((d) => packageDict(c.site, d)) : [],
  };
}

export const ACTIONS: Record<string, Action> = {
  status_show: (c) => ({
    site_title: c.site.title,
    site_description: `${c.site.publisher}公共数据开放目录（CKAN Action API 兼容接口）`,
    site_url: c.site.apiBase,
    ckan_version: c.ckanVersion,
    error_emails_to: c.site.contactEmail,
    locale_default: "zh_Hans_CN",
    extensions: [],
  }),
  package_list: (c, p) => page(c.datasets.map((d) => d.code).sort(), p),
  package_search: (c, p) => {
    const r = searchDatasets(c.datasets, p, c.site.licence.id);
    return {
      count: r.count,
      sort: r.sort,
      facets: r.facets,
      search_facets: r.searchFacets,
      results: r.page.map((d) => packageDict(c.site, d)),
    };
  },
  package_show: (c, p) => packageDict(c.site, findDataset(c, requiredId(p))),
  resource_show: (c, p) => {
    const id = requiredId(p);
    for (const d of c.datasets) {
      const i = downloadsOf(d).findIndex((dl) => `${d.code}-${dl.ext}` === id);
      if (i >= 0) {
        return resourceDict(c.site, d, i);
      }
    }
    throw notFound();
  },
  organization_list: (c, p) => listOrShow(organizations(c), p, "organizations"),
  organization_show: (c, p) => {
    const id = requiredId(p);
    const org = organizations(c).find((o) => o.id === id || o.name === id);
    if (!org) {
      throw notFound();
    }
    return withDatasets(c, org, p, (d) => d.provider.id === org.id);
  },
  group_list: (c, p) => listOrShow(groups(c), p, "groups"),
  group_show: (c, p) => {
    const id = requiredId(p);
    const g = groups(c).find((x) => x.name === id);
    if (!g) {
      throw notFound();
    }
    return withDatasets(c, g, p, (d) => d.classification === g.name);
  },
  tag_list: (c, p) => {
    const q = text(p, "query")?.toLowerCase();
    const tags = [...new Set(c.datasets.flatMap(tagsOf))].filter((t) => !q || t.toLowerCase().includes(q)).sort();
    return bool(p, "all_fields", false) ? tags.map(tagDict) : tags;
  },
};
