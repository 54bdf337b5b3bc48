import { z } from "zod";
import {
  AsOfQuerySchema,
  BundleInputSchema,
  BundleListSchema,
  BundleSchema,
  CatalogImportResultSchema,
  CatalogMetricsQuerySchema,
  CatalogMetricsSchema,
  CodeParamSchema,
  ItemInputSchema,
  ItemListQuerySchema,
  ItemListSchema,
  ItemSchema,
  ItemVersionListSchema,
  PolicyCaseInputSchema,
  PolicyCaseSchema,
} from "../../../../../packages/contracts/src/catalog.ts";
import {
  PublicBundleListSchema,
  PublicBundleSchema,
  PublicItemGuideSchema,
  PublicSearchQuerySchema,
  PublicSearchResultSchema,
  PublicTenantQuerySchema,
} from "../../../../../packages/contracts/src/catalog-public.ts";
import { IdParamSchema } from "../../../../../packages/contracts/src/common.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { CONSULT_CATALOG_AT_WINDOW, EDIT_CATALOG, VIEW_CATALOG } from "./catalog.policy.ts";
import {
  addPolicyCase,
  createItem,
  findItems,
  getItem,
  listItemVersions,
  updateItem,
  withdrawItem,
} from "./catalog.service.ts";
import { listBundles, saveBundle } from "./catalog-bundles.service.ts";
import { getCatalogMetrics } from "./catalog-metrics.service.ts";
import { listPublicBundles, publicBundle, publicItemGuide, searchPublicItems } from "./catalog-public.service.ts";
import { exportCatalog, importCatalog } from "./catalog-spreadsheet.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DryRunSchema = z.object({
  dryRun: z
    .enum(["true", "false"], { error: "dryRun 只能是 true 或 false" })
    .default("true")
    .transform((v) => v === "true"),
});
const FileSchema = z.custom<Buffer>((v) => Buffer.isBuffer(v), { error: "请上传 .xlsx 文件" });

/** Staff catalog: items with versions, bundles, 政策兑现 cases, metrics and the Excel round trip. */
export function registerCatalogRoutes(app: App, deps: RouteDeps): void {
  const view = { access: userAccess(VIEW_CATALOG, CONSULT_CATALOG_AT_WINDOW) };
  const edit = { access: userAccess(EDIT_CATALOG) };
  const tags = ["catalog"];
  app.get("/api/catalog/items", {
    config: view,
    schema: {
      tags,
      summary: "事项目录（按部门、类型、层级、标志筛选；asOf 查看某日的目录）",
      querystring: ItemListQuerySchema,
      response: { 200: ItemListSchema },
    },
    handler: async (req) => findItems(deps.ctx(req), req.query),
  });
  app.post("/api/catalog/items", {
    config: edit,
    schema: { tags, summary: "新增事项（含材料）", body: ItemInputSchema, response: { 201: ItemSchema } },
    handler: async (req, reply) => reply.status(201).send(await createItem(deps.ctx(req), req.body)),
  });
  app.get("/api/catalog/items/:id", {
    config: view,
    schema: {
      tags,
      summary: "事项详情及材料（asOf：该日结束时的版本）",
      params: IdParamSchema,
      querystring: AsOfQuerySchema,
      response: { 200: ItemSchema },
    },
    handler: async (req) => getItem(deps.ctx(req), req.params.id, req.query.asOf),
  });
  app.put("/api/catalog/items/:id", {
    config: edit,
    schema: {
      tags,
      summary: "修改事项（每次修改生成新版本，未改动不生成）",
      params: IdParamSchema,
      body: ItemInputSchema,
      response: { 200: ItemSchema },
    },
    handler: async (req) => updateItem(deps.ctx(req), req.params.id, req.body),
  });
  app.post("/api/catalog/items/:id/withdraw", {
    config: edit,
    schema: { tags, summary: "撤销事项（历史版本保留）", params: IdParamSchema, response: { 200: ItemSchema } },
    handler: async (req) => withdrawItem(deps.ctx(req), req.params.id),
  });
  app.get("/api/catalog/items/:id/versions", {
    config: view,
    schema: {
      tags,
      summary: "事项的版本历史：谁在何时改了什么",
      params: IdParamSchema,
      response: { 200: ItemVersionListSchema },
    },
    handler: async (req) => listItemVersions(deps.ctx(req), req.params.id),
  });
  app.post("/api/catalog/items/:id/policy-cases", {
    config: edit,
    schema: {
      tags,
      summary: "登记政策兑现案例",
      params: IdParamSchema,
      body: PolicyCaseInputSchema,
      response: { 201: PolicyCaseSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await addPolicyCase(deps.ctx(req), req.params.id, req.body)),
  });
  app.get("/api/catalog/bundles", {
    config: view,
    schema: { tags, summary: "一件事主题套餐", querystring: AsOfQuerySchema, response: { 200: BundleListSchema } },
    handler: async (req) => listBundles(deps.ctx(req), req.query.asOf),
  });
  app.post("/api/catalog/bundles", {
    config: edit,
    schema: { tags, summary: "新增一件事套餐", body: BundleInputSchema, response: { 201: BundleSchema } },
    handler: async (req, reply) => reply.status(201).send(await saveBundle(deps.ctx(req), req.body)),
  });
  app.put("/api/catalog/bundles/:id", {
    config: edit,
    schema: {
      tags,
      summary: "修改一件事套餐（生成新版本）",
      params: IdParamSchema,
      body: BundleInputSchema,
      response: { 200: BundleSchema },
    },
    handler: async (req) => saveBundle(deps.ctx(req), req.body, req.params.id),
  });
  app.get("/api/catalog/metrics", {
    config: view,
    schema: {
      tags,
      summary: "减材料落实率、免提交比例及各项计数（按部门、类型、层级分组）",
      querystring: CatalogMetricsQuerySchema,
      response: { 200: CatalogMetricsSchema },
    },
    handler: async (req) => getCatalogMetrics(deps.ctx(req), req.query),
  });
  app.get("/api/catalog/export.xlsx", {
    config: view,
    schema: { tags, summary: "导出事项目录（事项、材料两张表，与导入格式相同）", querystring: AsOfQuerySchema },
    handler: async (req, reply) => {
      const body = await exportCatalog(deps.ctx(req), req.query.asOf);
      return reply
        .header("content-type", XLSX)
        .header("content-disposition", `attachment; filename="catalog-${req.query.asOf ?? "current"}.xlsx"`)
        .send(body);
    },
  });
  app.post("/api/catalog/import", {
    config: edit,
    bodyLimit: 30 * 1024 * 1024,
    schema: {
      tags,
      summary: "导入事项目录（.xlsx；逐行校验，全部正确才在一个事务中写入；dryRun 只校验）",
      querystring: DryRunSchema,
      body: FileSchema,
      response: { 200: CatalogImportResultSchema },
    },
    handler: async (req) => importCatalog(deps.ctx(req), req.body, req.query.dryRun),
  });

  const open = { access: { kind: "public" } } as const;
  const pub = ["public"];
  app.get("/api/public/catalog/items", {
    config: open,
    schema: {
      tags: pub,
      summary: "搜索政务服务事项（名称、关键词或材料名称）",
      querystring: PublicSearchQuerySchema,
      response: { 200: PublicSearchResultSchema },
    },
    handler: async (req) => searchPublicItems(deps.database.db, req.query.tenant, req.query.q, req.query.limit),
  });
  app.get("/api/public/catalog/items/:code", {
    config: open,
    schema: {
      tags: pub,
      summary: "办事指南：办理条件、时限、收费和材料（哪些免提交、哪些可容缺）",
      params: CodeParamSchema,
      querystring: PublicTenantQuerySchema,
      response: { 200: PublicItemGuideSchema },
    },
    handler: async (req) => publicItemGuide(deps.database.db, req.query.tenant, req.params.code),
  });
  app.get("/api/public/catalog/bundles", {
    config: open,
    schema: {
      tags: pub,
      summary: "一件事主题套餐",
      querystring: PublicTenantQuerySchema,
      response: { 200: PublicBundleListSchema },
    },
    handler: async (req) => listPublicBundles(deps.database.db, req.query.tenant),
  });
  app.get("/api/public/catalog/bundles/:code", {
    config: open,
    schema: {
      tags: pub,
      summary: "一件事套餐包含的事项",
      params: CodeParamSchema,
      querystring: PublicTenantQuerySchema,
      response: { 200: PublicBundleSchema },
    },
    handler: async (req) => publicBundle(deps.database.db, req.query.tenant, req.params.code),
  });
}
