import type { FastifyRequest } from "fastify";
import type { Ctx } from "../actor.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import "./access-config.ts";

export function makeCtxFactory(db: Db, clock: Clock): (req: FastifyRequest) => Ctx {
  return (req) => {
    if (!req.actor) {
      throw new AppError("unauthenticated", "请先登录");
    }
    if (!req.ctx) {
      req.ctx = { db, actor: req.actor, clock, log: req.log, requestId: String(req.id) };
    }
    return req.ctx;
  };
}
