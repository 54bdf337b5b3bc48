import type { OpenDataset, OpenSite } from "./open-dataset.ts";

/** Three open datasets of two providers, for the CKAN and DCAT unit tests. */
export const SITE: OpenSite = {
  baseUrl: "https://zw.example.cn",
  apiBase: "https://zw.example.cn/open-data/440114",
  tenantCode: "440114",
  title: "花都区公共数据开放目录",
  publisher: "广州市花都区政务服务数据管理局",
  contactEmail: "data@example.cn",
  licence: { id: "cc-by-4.0", title: "知识共享署名 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
};

const base = {
  format: "库表",
  openType: "unconditional",
  openTypeLabel: "无条件开放",
  updateCycle: "monthly",
  updateCycleLabel: "每月",
  publishedOn: "2022-03-01",
  version: 1,
  rows: 10,
} as const;
const culture = { id: "6f1e1c2a-0000-4000-8000-000000000001", name: "区文化广电旅游体育局" };
const town = { id: "6f1e1c2a-0000-4000-8000-000000000002", name: "新华街道" };

export const DATASETS: OpenDataset[] = [
  {
    ...base,
    id: "a0000000-0000-4000-8000-000000000001",
    code: "20101001-00001",
    title: "A级旅游景区名录",
    summary: "全区A级旅游景区的名称、等级和地址",
    classification: "thematic",
    classificationLabel: "主题信息资源",
    subclass: "文化旅游",
    createdAt: new Date("2022-03-01T02:00:00Z"),
    updatedAt: new Date("2022-06-01T02:00:00Z"),
    provider: culture,
    fields: [{ name: "景区名称", type: "C", typeLabel: "字符型", length: 100 }],
  },
  {
    ...base,
    id: "a0000000-0000-4000-8000-000000000002",
    code: "30101001-00002",
    title: "公共文化场馆开放时间",
    summary: "图书馆、文化馆的开放时间",
    classification: "department",
    classificationLabel: "部门信息资源",
    subclass: "文化",
    updateCycle: "yearly",
    updateCycleLabel: "每年",
    createdAt: new Date("2022-04-01T02:00:00Z"),
    updatedAt: new Date("2022-04-02T02:00:00Z"),
    provider: culture,
    fields: [{ name: "场馆名称", type: "C", typeLabel: "字符型", length: 100 }],
  },
  {
    ...base,
    id: "a0000000-0000-4000-8000-000000000003",
    code: "30201001-00001",
    title: "街道便民服务点",
    summary: "新华街道便民服务点的地址和电话（办公电话）",
    classification: "department",
    classificationLabel: "部门信息资源",
    subclass: "便民服务",
    openType: "conditional",
    openTypeLabel: "有条件开放",
    createdAt: new Date("2022-05-01T02:00:00Z"),
    updatedAt: new Date("2022-09-01T02:00:00Z"),
    provider: town,
    fields: [{ name: "服务点名称", type: "C", typeLabel: "字符型", length: 100 }],
  },
];
