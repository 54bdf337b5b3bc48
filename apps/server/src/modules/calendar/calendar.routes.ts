import {
  AddCalendarDaysInputSchema,
  CalendarListSchema,
  CalendarQuerySchema,
} from "../../../../../packages/contracts/src/calendar.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { addCalendarDays, findCalendarYear } from "./calendar.service.ts";

export function registerCalendarRoutes(app: App, deps: RouteDeps): void {
  app.get("/api/calendar", {
    config: { access: { kind: "user", roles: "any" } },
    schema: {
      tags: ["calendar"],
      summary: "某年的法定节假日与调休上班日（及缺少下一年安排的提醒）",
      querystring: CalendarQuerySchema,
      response: { 200: CalendarListSchema },
    },
    handler: async (req) => findCalendarYear(deps.ctx(req), req.query.year),
  });
  app.post("/api/calendar", {
    config: { access: { kind: "user", roles: ["admin"] } },
    schema: {
      tags: ["calendar"],
      summary: "录入国务院公布的节假日安排",
      body: AddCalendarDaysInputSchema,
      response: { 200: CalendarListSchema },
    },
    handler: async (req) => addCalendarDays(deps.ctx(req), req.body.days),
  });
}
