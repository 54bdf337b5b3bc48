import { IdParamSchema, OkSchema } from "../../../../../packages/contracts/src/common.ts";
import {
  AddGrantInputSchema,
  CreateUserInputSchema,
  GrantParamSchema,
  ResetPasswordInputSchema,
  UpdateUserInputSchema,
  UserContactSchema,
  UserListQuerySchema,
  UserListSchema,
  UserSchema,
} from "../../../../../packages/contracts/src/users.ts";
import { userAccess } from "../../platform/http/access-config.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { MANAGE_USERS, READ_USERS } from "./users.policy.ts";
import {
  addUserGrant,
  createUser,
  editUser,
  findUsers,
  getUser,
  readUserContact,
  removeUserGrant,
  resetUserPassword,
} from "./users.service.ts";

const read = { access: userAccess(READ_USERS) };
const manage = { access: userAccess(MANAGE_USERS) };

export function registerUserRoutes(app: App, deps: RouteDeps): void {
  app.get("/api/users", {
    config: read,
    schema: {
      tags: ["users"],
      summary: "用户列表",
      querystring: UserListQuerySchema,
      response: { 200: UserListSchema },
    },
    handler: async (req) => findUsers(deps.ctx(req), req.query.q, req.query),
  });
  app.post("/api/users", {
    config: manage,
    schema: { tags: ["users"], summary: "新增用户", body: CreateUserInputSchema, response: { 201: UserSchema } },
    handler: async (req, reply) => reply.status(201).send(await createUser(deps.ctx(req), req.body)),
  });
  app.get("/api/users/:id", {
    config: read,
    schema: { tags: ["users"], summary: "用户详情", params: IdParamSchema, response: { 200: UserSchema } },
    handler: async (req) => getUser(deps.ctx(req), req.params.id),
  });
  app.patch("/api/users/:id", {
    config: manage,
    schema: {
      tags: ["users"],
      summary: "修改用户",
      params: IdParamSchema,
      body: UpdateUserInputSchema,
      response: { 200: UserSchema },
    },
    handler: async (req) => editUser(deps.ctx(req), req.params.id, req.body),
  });
  app.post("/api/users/:id/reset-password", {
    config: manage,
    schema: {
      tags: ["users"],
      summary: "重置密码",
      params: IdParamSchema,
      body: ResetPasswordInputSchema,
      response: { 200: OkSchema },
    },
    handler: async (req) => {
      await resetUserPassword(deps.ctx(req), req.params.id, req.body.newPassword);
      return { ok: true as const };
    },
  });
  app.get("/api/users/:id/contact", {
    config: manage,
    schema: {
      tags: ["users"],
      summary: "查看完整手机号（记入审计）",
      params: IdParamSchema,
      response: { 200: UserContactSchema },
    },
    handler: async (req) => readUserContact(deps.ctx(req), req.params.id),
  });
  app.post("/api/users/:id/grants", {
    config: manage,
    schema: {
      tags: ["users"],
      summary: "授予角色",
      params: IdParamSchema,
      body: AddGrantInputSchema,
      response: { 201: UserSchema },
    },
    handler: async (req, reply) => reply.status(201).send(await addUserGrant(deps.ctx(req), req.params.id, req.body)),
  });
  app.delete("/api/users/:id/grants/:grantId", {
    config: manage,
    schema: { tags: ["users"], summary: "撤销角色", params: GrantParamSchema, response: { 200: UserSchema } },
    handler: async (req) => removeUserGrant(deps.ctx(req), req.params.id, req.params.grantId),
  });
}
