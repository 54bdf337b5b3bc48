import type { z } from "zod";
import {
  BoardSchema,
  BookableItemsSchema,
  type BookInput,
  BookingListSchema,
  type CheckInInput,
  type CreateWindowGroupInput,
  GenerateSlotsResultSchema,
  HallClerkListSchema,
  HallDetailSchema,
  type HallFilter,
  HallListSchema,
  HallMetricsSchema,
  PublicBookingSchema,
  QueueSchema,
  ServiceCaseListSchema,
  SlotListSchema,
  TicketListSchema,
  TicketSchema,
  type WindowActionInput,
  WindowActionResultSchema,
  WindowSchema,
} from "../../../../../packages/contracts/src/appointments.ts";
import { HallWaitsSchema } from "../../../../../packages/contracts/src/hall-waits.ts";
import { api, type Query } from "../../api/client.ts";

const enc = encodeURIComponent;

/** Citizen side: no session; a booking is only shown to whoever gives its code plus ID number or phone. */
export const publicBookingApi = {
  halls: (tenant?: string) => api.get("/api/public/halls", HallListSchema, { tenant }),
  hall: (id: string) => api.get(`/api/public/halls/${enc(id)}`, HallDetailSchema),
  slots: (hallId: string, groupId: string) =>
    api.get(`/api/public/halls/${enc(hallId)}/slots`, SlotListSchema, { groupId }),
  book: (input: BookInput) => api.post("/api/public/bookings", PublicBookingSchema, input),
  lookup: (code: string, verify: string) =>
    api.post(`/api/public/bookings/${enc(code)}/lookup`, PublicBookingSchema, { verify }),
  cancel: (code: string, verify: string) =>
    api.post(`/api/public/bookings/${enc(code)}/cancel`, PublicBookingSchema, { verify }),
  reschedule: (code: string, verify: string, slotId: string) =>
    api.post(`/api/public/bookings/${enc(code)}/reschedule`, PublicBookingSchema, { verify, slotId }),
  board: (hallId: string) => api.get(`/api/public/halls/${enc(hallId)}/board`, BoardSchema),
  /** The .ics file is fetched by POST (the proof stays out of URLs and logs) and saved from a blob. */
  downloadIcs: async (code: string, verify: string) => {
    const res = await fetch(`/api/public/bookings/${enc(code)}/ics`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ verify }),
    });
    if (!res.ok) {
      throw new Error("日历文件下载失败");
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement("a");
    a.href = url;
    a.download = `预约-${code}.ics`;
    a.click();
    URL.revokeObjectURL(url);
  },
};

/** A hall change (groups, hours, closures, staff) or a queue action invalidates `all`. */
export const hallKeys = {
  all: ["halls"] as const,
  list: () => [...hallKeys.all, "list"] as const,
  detail: (id: string) => [...hallKeys.all, "detail", id] as const,
  queue: (hallId: string, windowId: string | undefined) => [...hallKeys.all, "queue", hallId, windowId ?? ""] as const,
  clerks: (hallId: string) => [...hallKeys.all, "clerks", hallId] as const,
  settings: () => [...hallKeys.all, "settings"] as const,
  metrics: (query: Query) => [...hallKeys.all, "metrics", query] as const,
  waits: (query: Query) => [...hallKeys.all, "waits", query] as const,
  bookableItems: () => [...hallKeys.all, "bookable-items"] as const,
  drill: (list: string, query: Query) => [...hallKeys.all, "drill", list, query] as const,
};

export const hallApi = {
  halls: (signal?: AbortSignal) => api.get("/api/halls", HallListSchema, undefined, signal),
  hall: (id: string, signal?: AbortSignal) => api.get(`/api/halls/${enc(id)}`, HallDetailSchema, undefined, signal),
  createHall: (input: { orgUnitId: string; name: string; address?: string | undefined }) =>
    api.post("/api/halls", HallDetailSchema, input),
  addGroup: (hallId: string, input: CreateWindowGroupInput) =>
    api.post(`/api/halls/${enc(hallId)}/groups`, HallDetailSchema, input),
  setHours: (hallId: string, sessions: { start: string; end: string }[] | null) =>
    api.put(`/api/halls/${enc(hallId)}/hours`, HallDetailSchema, { sessions }),
  addClosure: (hallId: string, input: { day: string; reason: string }) =>
    api.post(`/api/halls/${enc(hallId)}/closures`, HallDetailSchema, input),
  generateSlots: (hallId: string, workdays: number) =>
    api.post(`/api/halls/${enc(hallId)}/slots/generate`, GenerateSlotsResultSchema, { workdays }),
  queue: (hallId: string, windowId: string | undefined, signal?: AbortSignal) =>
    api.get(`/api/halls/${enc(hallId)}/queue`, QueueSchema, { windowId }, signal),
  checkIn: (hallId: string, input: CheckInInput) =>
    api.post(`/api/halls/${enc(hallId)}/check-ins`, TicketSchema, input),
  act: (windowId: string, input: WindowActionInput) =>
    api.post(`/api/hall-windows/${enc(windowId)}/actions`, WindowActionResultSchema, input),
  metrics: (q: HallFilter & { groupBy: string }, signal?: AbortSignal) =>
    api.get("/api/appointments/metrics", HallMetricsSchema, q as Query, signal),
  waits: (q: Query, signal?: AbortSignal) => api.get("/api/appointments/metrics/waits", HallWaitsSchema, q, signal),
  cases: (q: Query, signal?: AbortSignal) => api.get("/api/appointments/cases", ServiceCaseListSchema, q, signal),
  bookableItems: (signal?: AbortSignal) =>
    api.get("/api/appointments/bookable-items", BookableItemsSchema, undefined, signal),
  tickets: (q: Query, signal?: AbortSignal) => api.get("/api/appointments/tickets", TicketListSchema, q, signal),
  bookings: (q: Query, signal?: AbortSignal) => api.get("/api/appointments/bookings", BookingListSchema, q, signal),
  clerks: (hallId: string, signal?: AbortSignal) =>
    api.get(`/api/halls/${enc(hallId)}/clerks`, HallClerkListSchema, undefined, signal),
  assignWindow: (windowId: string, userId: string | null) =>
    api.put(`/api/hall-windows/${enc(windowId)}/staff`, WindowSchema, { userId }),
};

export const BoardEventSchema = BoardSchema;
export type BoardEvent = z.infer<typeof BoardEventSchema>;

/** Subscribes to a hall's board pushes (Server-Sent Events); returns the unsubscribe function. */
export function subscribeBoard(hallId: string, onBoard: (b: BoardEvent) => void): () => void {
  const source = new EventSource(`/api/public/halls/${enc(hallId)}/board/events`);
  source.addEventListener("board", (e) => {
    const parsed = BoardEventSchema.safeParse(JSON.parse(String((e as MessageEvent).data)));
    if (parsed.success) {
      onBoard(parsed.data);
    }
  });
  return () => source.close();
}
