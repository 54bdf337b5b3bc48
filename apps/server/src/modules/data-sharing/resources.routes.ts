import { z } from "zod";
import { IdParamSchema } from "../../../../../packages/contracts/src/common.ts";
import {
  InfoSystemListSchema,
  InfoSystemSchema,
  ResourceCodeParamSchema,
  ResourceInputSchema,
  ResourceListQuerySchema,
  ResourceListSchema,
  ResourceSchema,
  ResourceTreeSchema,
  ResourceVersionListSchema,
  SystemInputSchema,
  SystemListQuerySchema,
} from "../../../../../packages/contracts/src/data-sharing.ts";
import {
  ResourceImportQuerySchema,
  ResourceImportResultSchema,
} from "../../../../../packages/contracts/src/data-sharing-import.ts";
import { validation } from "../../platform/errors.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { MANAGE_DATA, VIEW_DATA } from "./data-sharing.policy.ts";
import {
  createResource,
  createSystem,
  getResource,
  listResourcesFor,
  listSystemsFor,
  resourceTree,
  resourceVersions,
  updateResourceFor,
  updateSystemFor,
} from "./resources.service.ts";
import { exportResources, importResources } from "./resources-spreadsheet.ts";
import { listSharedCatalog, sharedCatalogEntry } from "./shared-catalog.service.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FileSchema = z.custom<Buffer>((v) => Buffer.isBuffer(v), { error: "请上传 .xlsx 文件" });
/** 政务信息资源目录 and 信息系统台账. */
export function registerResourceRoutes(app: App, deps: RouteDeps): void {
  const view = { access: userAccess(VIEW_DATA) };
  const manage = { access: userAccess(MANAGE_DATA) };
  const tags = ["data-sharing"];
  app.get("/api/data/resources", {
    config: view,
    schema: {
      tags,
      summary: "信息资源目录（本级及下级提供的、共享给本单位的；可搜索、按分类或提供方筛选）",
      querystring: ResourceListQuerySchema,
      response: { 200: ResourceListSchema },
    },
    handler: async (req) => {
      const { page, pageSize, ...filter } = req.query;
      return listResourcesFor(deps.ctx(req), filter, { page, pageSize });
    },
  });
  app.get("/api/data/shared-catalog", {
    config: view,
    schema: {
      tags,
      summary: "共享目录：全区可申请共享的信息资源（无条件、有条件共享；不含不予共享的）",
      querystring: ResourceListQuerySchema,
      response: { 200: ResourceListSchema },
    },
    handler: async (req) => {
      const { page, pageSize, ...filter } = req.query;
      return listSharedCatalog(deps.ctx(req), filter, { page, pageSize });
    },
  });
  app.get("/api/data/shared-catalog/:code", {
    config: view,
    schema: {
      tags,
      summary: "共享目录中的一项资源（元数据与信息项，供申请共享时选择信息项）",
      params: ResourceCodeParamSchema,
      response: { 200: ResourceSchema },
    },
    handler: async (req) => sharedCatalogEntry(deps.ctx(req), req.params.code),
  });
  app.get("/api/data/resources/tree", {
    config: view,
    schema: { tags, summary: "资源目录树：按分类、按提供方计数", response: { 200: ResourceTreeSchema } },
    handler: async (req) => resourceTree(deps.ctx(req)),
  });
  app.get("/api/data/resources/export.xlsx", {
    config: view,
    schema: { tags, summary: "导出信息资源目录（信息资源、信息项两张表，与导入格式相同；本单位可见范围）" },
    handler: async (req, reply) =>
      reply
        .header("content-type", XLSX)
        .header("content-disposition", 'attachment; filename="data-resources.xlsx"')
        .send(await exportResources(deps.ctx(req))),
  });
  app.post("/api/data/resources/import", {
    config: manage,
    bodyLimit: 30 * 1024 * 1024,
    schema: {
      tags,
      summary:
        "导入信息资源目录（.xlsx；按资源代码新建或修改，每项生成版本并记入审计；全部正确才在一个事务中写入，否则 422 列出每个出错单元格；dryRun=true 只校验）",
      querystring: ResourceImportQuerySchema,
      body: FileSchema,
      response: { 200: ResourceImportResultSchema },
    },
    handler: async (req) => importResources(deps.ctx(req), req.body, req.query.dryRun),
  });
  app.get("/api/data/resources/:code", {
    config: view,
    schema: {
      tags,
      summary: "信息资源（含信息项）",
      params: ResourceCodeParamSchema,
      response: { 200: ResourceSchema },
    },
    handler: async (req) => getResource(deps.ctx(req), req.params.code),
  });
  app.get("/api/data/resources/:code/versions", {
    config: view,
    schema: {
      tags,
      summary: "信息资源的修改记录（版本、修改人、时间、变更内容）",
      params: ResourceCodeParamSchema,
      response: { 200: ResourceVersionListSchema },
    },
    handler: async (req) => resourceVersions(deps.ctx(req), req.params.code),
  });
  app.post("/api/data/resources", {
    config: manage,
    schema: { tags, summary: "编目：登记信息资源", body: ResourceInputSchema, response: { 201: ResourceSchema } },
    handler: async (req, reply) => reply.status(201).send(await createResource(deps.ctx(req), req.body)),
  });
  app.put("/api/data/resources/:code", {
    config: manage,
    schema: {
      tags,
      summary: "修改信息资源（生成新版本并记入审计）",
      params: ResourceCodeParamSchema,
      // The whole resource; its code is its identity and cannot change.
      body: ResourceInputSchema,
      response: { 200: ResourceSchema },
    },
    handler: async (req) => {
      const { code, ...body } = req.body;
      if (code !== req.params.code) {
        throw validation([{ path: "code", message: "资源代码不可修改（须与地址中的代码一致）" }]);
      }
      return updateResourceFor(deps.ctx(req), req.params.code, body);
    },
  });
  app.get("/api/data/systems", {
    config: view,
    schema: {
      tags,
      summary: "信息系统台账（可按是否部署在政务云筛选）",
      querystring: SystemListQuerySchema,
      response: { 200: InfoSystemListSchema },
    },
    handler: async (req) => listSystemsFor(deps.ctx(req), req.query),
  });
  app.post("/api/data/systems", {
    config: manage,
    schema: { tags, summary: "登记信息系统", body: SystemInputSchema, response: { 201: InfoSystemSchema } },
    handler: async (req, reply) => reply.status(201).send(await createSystem(deps.ctx(req), req.body)),
  });
  app.put("/api/data/systems/:id", {
    config: manage,
    schema: {
      tags,
      summary: "修改信息系统",
      params: IdParamSchema,
      body: SystemInputSchema,
      response: { 200: InfoSystemSchema },
    },
    handler: async (req) => updateSystemFor(deps.ctx(req), req.params.id, req.body),
  });
}
