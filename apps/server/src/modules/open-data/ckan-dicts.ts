import { DOWNLOADS, downloadsOf, downloadUrl, type OpenDataset, type OpenSite } from "./open-dataset.ts";

/*
 * The CKAN dictionaries (package, resource, organization, group, tag) of the open catalog, with the
 * keys CKAN's default schema gives them, so a CKAN client or harvester reads them unchanged.
 */

/** CKAN's timestamps are naive UTC ISO strings ("2022-03-01T08:00:00.000000"). */
export const ckanTime = (d: Date) => `${d.toISOString().slice(0, 23)}000`;

const GROUPS = {
  basic: "基础信息资源",
  thematic: "主题信息资源",
  department: "部门信息资源",
} as const;

/** An organization as a package embeds it; organization_list/show add `package_count`. */
export function organizationDict(provider: OpenDataset["provider"], created: Date) {
  return {
    id: provider.id,
    name: provider.id,
    title: provider.name,
    display_name: provider.name,
    description: `${provider.name}提供的开放数据`,
    image_url: "",
    image_display_url: "",
    created: ckanTime(created),
    is_organization: true,
    approval_status: "approved",
    state: "active",
    type: "organization",
  };
}

export type GroupName = keyof typeof GROUPS;
export const GROUP_NAMES = Object.keys(GROUPS) as GroupName[];

/** A group (the catalog's three classifications) as a package embeds it; group_list/show add `package_count`. */
export function groupDict(name: GroupName, created: Date) {
  return {
    id: name,
    name,
    title: GROUPS[name],
    display_name: GROUPS[name],
    description: `政务信息资源目录的${GROUPS[name]}`,
    image_url: "",
    image_display_url: "",
    created: ckanTime(created),
    is_organization: false,
    approval_status: "approved",
    state: "active",
    type: "group",
  };
}

export const tagsOf = (d: OpenDataset) => [...new Set([d.subclass, d.classificationLabel])];

export function tagDict(name: string) {
  return { id: name, name, display_name: name, state: "active", vocabulary_id: null };
}

export function resourceDict(site: OpenSite, d: OpenDataset, position: number) {
  const dl = DOWNLOADS[position];
  if (!dl) {
    throw new Error(`no download at ${position}`);
  }
  return {
    id: `${d.code}-${dl.ext}`,
    package_id: d.id,
    name: `${d.title}（${dl.format}）`,
    description: `${d.title}的全部开放字段（${d.fields.map((f) => f.name).join("、")}），${dl.format} 格式`,
    format: dl.format,
    mimetype: dl.mediaType,
    url: downloadUrl(site, d.code, dl.ext),
    url_type: null,
    created: ckanTime(d.createdAt),
    last_modified: ckanTime(d.updatedAt),
    metadata_modified: ckanTime(d.updatedAt),
    position,
    size: null,
    hash: "",
    state: "active",
    datastore_active: false,
  };
}

export function packageDict(site: OpenSite, d: OpenDataset) {
  const tags = tagsOf(d);
  const resources = downloadsOf(d).map((_, i) => resourceDict(site, d, i));
  return {
    id: d.id,
    name: d.code,
    title: d.title,
    notes: d.summary,
    type: "dataset",
    state: "active",
    private: false,
    isopen: d.openType === "unconditional",
    url: `${site.baseUrl}/public/data/${d.code}?tenant=${site.tenantCode}`,
    version: String(d.version),
    author: d.provider.name,
    author_email: null,
    maintainer: d.provider.name,
    maintainer_email: site.contactEmail,
    license_id: site.licence.id,
    license_title: site.licence.title,
    license_url: site.licence.url,
    metadata_created: ckanTime(d.createdAt),
    metadata_modified: ckanTime(d.updatedAt),
    creator_user_id: null,
    owner_org: d.provider.id,
    organization: organizationDict(d.provider, d.createdAt),
    groups: [groupDict(d.classification, d.createdAt)],
    tags: tags.map(tagDict),
    num_tags: tags.length,
    resources,
    num_resources: resources.length,
    relationships_as_object: [],
    relationships_as_subject: [],
    extras: [
      { key: "resource_code", value: d.code },
      { key: "open_type", value: d.openTypeLabel },
      { key: "update_cycle", value: d.updateCycleLabel },
      { key: "published_on", value: d.publishedOn },
      { key: "format", value: d.format },
      ...(d.openType === "conditional"
        ? [{ key: "access", value: "有条件开放：下载须向提供单位申请，经同意后开通" }]
        : []),
      { key: "fields", value: d.fields.map((f) => `${f.name}（${f.typeLabel}，${f.length}）`).join("；") },
    ],
  };
}
