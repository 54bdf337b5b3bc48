import type { FastifyRequest } from "fastify";
import {
  BoardSchema,
  BookInputSchema,
  BookingCodeParamSchema,
  HallDetailSchema,
  HallListSchema,
  type PublicBooking,
  PublicBookingSchema,
  RescheduleInputSchema,
  SlotListSchema,
  SlotQuerySchema,
  VerifyInputSchema,
} from "../../../../../packages/contracts/src/appointments.ts";
import { IdParamSchema, PublicTenantQuerySchema } from "../../../../../packages/contracts/src/common.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { withProofLimit } from "../../platform/proof-limit.ts";
import { ratingCodeFor } from "../evaluations/rating-codes.service.ts";
import {
  bookingCalendarFile,
  bookSlot,
  cancelBooking,
  lookupBooking,
  type PublicDeps,
  rescheduleBooking,
} from "./booking.service.ts";
import { onHallChange } from "./hall-events.ts";
import { listPublicHalls, publicHallDetail, publicSlots } from "./public.service.ts";
import { hallBoard } from "./queue.service.ts";
import { findRatableServiceCases } from "./service-cases.service.ts";

const open = { access: { kind: "public" } } as const;
const tags = ["public"];
// Board streams send a comment this often so proxies keep the connection open.
const KEEPALIVE_MS = 25_000;

/**
 * Citizens' booking pages and the hall screen. A booking is only ever returned to someone who
 * gives its code and the full ID number or phone it was made with; every answer masks both.
 */
export function registerPublicAppointmentRoutes(app: App, deps: RouteDeps): void {
  const pub = (req: FastifyRequest): PublicDeps => ({
    db: deps.database.db,
    clock: deps.clock,
    requestId: String(req.id),
    log: req.log,
  });
  // A wrong ID number or phone is a not_found: limited per booking and per address.
  const limited = <T>(req: FastifyRequest, code: string, run: () => Promise<T>) =>
    withProofLimit(deps.database.db, deps.clock, { subject: `booking:${code.toUpperCase()}`, address: req.ip }, run);
  // Each served case carries its rating code: only the person who proved the booking sees it.
  const withRatingCodes = async (b: PublicBooking): Promise<PublicBooking> => {
    if (!b.servedCases) {
      return b;
    }
    const servedCases = [];
    for (const c of b.servedCases) {
      // A case number is unique within its district; the booking's own case is the one finished for it.
      const [found] = await findRatableServiceCases(deps.database.db, c.number);
      const ratingCode = found
        ? await ratingCodeFor(deps.database.db, found.tenantId, "service_case", found.id, deps.clock.now())
        : undefined;
      servedCases.push({ ...c, ratingCode });
    }
    return { ...b, servedCases };
  };
  app.get("/api/public/halls", {
    config: open,
    schema: {
      tags,
      summary: "可预约的大厅（tenant=地区代码 时只列该区的）",
      querystring: PublicTenantQuerySchema,
      response: { 200: HallListSchema },
    },
    handler: async (req) => listPublicHalls(deps.database.db, req.query.tenant),
  });
  app.get("/api/public/halls/:id", {
    config: open,
    schema: { tags, summary: "大厅的可预约事项", params: IdParamSchema, response: { 200: HallDetailSchema } },
    handler: async (req) => publicHallDetail(deps.database.db, req.params.id),
  });
  app.get("/api/public/halls/:id/slots", {
    config: open,
    schema: {
      tags,
      summary: "可预约时段（今天起若干工作日）",
      params: IdParamSchema,
      querystring: SlotQuerySchema,
      response: { 200: SlotListSchema },
    },
    handler: async (req) => publicSlots(pub(req), req.params.id, req.query.groupId),
  });
  app.post("/api/public/bookings", {
    config: open,
    schema: { tags, summary: "实名预约", body: BookInputSchema, response: { 201: PublicBookingSchema } },
    handler: async (req, reply) => reply.status(201).send(await bookSlot(pub(req), req.body)),
  });
  app.post("/api/public/bookings/:code/lookup", {
    config: open,
    schema: {
      tags,
      summary: "查询本人预约（预约码 + 身份证号或手机号）",
      params: BookingCodeParamSchema,
      body: VerifyInputSchema,
      response: { 200: PublicBookingSchema },
    },
    handler: async (req) =>
      limited(req, req.params.code, async () =>
        withRatingCodes(await lookupBooking(pub(req), req.params.code, req.body.verify)),
      ),
  });
  app.post("/api/public/bookings/:code/cancel", {
    config: open,
    schema: {
      tags,
      summary: "取消预约",
      params: BookingCodeParamSchema,
      body: VerifyInputSchema,
      response: { 200: PublicBookingSchema },
    },
    handler: async (req) =>
      limited(req, req.params.code, async () =>
        withRatingCodes(await cancelBooking(pub(req), req.params.code, req.body.verify)),
      ),
  });
  app.post("/api/public/bookings/:code/reschedule", {
    config: open,
    schema: {
      tags,
      summary: "改约到同一大厅的其他时段",
      params: BookingCodeParamSchema,
      body: RescheduleInputSchema,
      response: { 200: PublicBookingSchema },
    },
    handler: async (req) =>
      limited(req, req.params.code, async () =>
        withRatingCodes(await rescheduleBooking(pub(req), req.params.code, req.body.verify, req.body.slotId)),
      ),
  });
  app.post("/api/public/bookings/:code/ics", {
    config: open,
    schema: { tags, summary: "下载预约日历文件（.ics）", params: BookingCodeParamSchema, body: VerifyInputSchema },
    handler: async (req, reply) =>
      reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", `attachment; filename="booking-${req.params.code}.ics"`)
        .send(
          await limited(req, req.params.code, () => bookingCalendarFile(pub(req), req.params.code, req.body.verify)),
        ),
  });
  app.get("/api/public/halls/:id/board", {
    config: open,
    schema: { tags, summary: "大厅叫号屏（当前快照）", params: IdParamSchema, response: { 200: BoardSchema } },
    handler: async (req) => hallBoard(deps.database.db, req.params.id, deps.clock.now()),
  });
  app.get("/api/public/halls/:id/board/events", {
    config: open,
    schema: { tags, summary: "大厅叫号屏推送（Server-Sent Events）", params: IdParamSchema },
    handler: async (req, reply) => {
      const hallId = req.params.id;
      // Throws not_found before the stream opens, so an unknown hall gets an ordinary error answer.
      const first = await hallBoard(deps.database.db, hallId, deps.clock.now());
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      const send = (data: unknown) => res.write(`event: board\ndata: ${JSON.stringify(data)}\n\n`);
      send(first);
      let pending = false;
      const off = onHallChange(hallId, () => {
        // Coalesce bursts of changes into one snapshot.
        if (pending) {
          return;
        }
        pending = true;
        setTimeout(() => {
          pending = false;
          hallBoard(deps.database.db, hallId, deps.clock.now()).then(send, (err: unknown) =>
            req.log.warn({ err }, "board refresh failed"),
          );
        }, 50);
      });
      const ping = setInterval(() => res.write(": ping\n\n"), KEEPALIVE_MS);
      req.raw.on("close", () => {
        clearInterval(ping);
        off();
      });
    },
  });
}
