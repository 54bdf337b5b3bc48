import {
  type AppealPeriodQuery,
  HotSpotsSchema,
  HotTopicsSchema,
  RepeatCallersSchema,
  RisingTopicsSchema,
} from "../../../../../packages/contracts/src/appeals.ts";
import { CockpitSchema } from "../../../../../packages/contracts/src/cockpit.ts";
import { ApiErrorSchema } from "../../../../../packages/contracts/src/common.ts";
import { ApiError, api } from "../../api/client.ts";

export type AppealScope = Pick<AppealPeriodQuery, "from" | "to" | "townId" | "unitId">;

export const dashboardKeys = {
  all: ["dashboard"] as const,
  cockpit: () => ["dashboard", "cockpit"] as const,
  hotTopics: (q: AppealScope) => ["dashboard", "hot-topics", q] as const,
  rising: (q: { week: string; townId?: string | undefined; unitId?: string | undefined }) =>
    ["dashboard", "rising", q] as const,
  hotSpots: (q: AppealScope) => ["dashboard", "hot-spots", q] as const,
  repeatCallers: (q: AppealScope) => ["dashboard", "repeat-callers", q] as const,
};

export const dashboardApi = {
  cockpit: (signal?: AbortSignal) => api.get("/api/dashboard/cockpit", CockpitSchema, undefined, signal),
  hotTopics: (q: AppealScope, signal?: AbortSignal) =>
    api.get("/api/dashboard/appeals/hot-topics", HotTopicsSchema, { ...q, limit: 20 }, signal),
  rising: (q: { week: string; townId?: string | undefined; unitId?: string | undefined }, signal?: AbortSignal) =>
    api.get("/api/dashboard/appeals/rising-topics", RisingTopicsSchema, q, signal),
  hotSpots: (q: AppealScope, signal?: AbortSignal) =>
    api.get("/api/dashboard/appeals/hot-spots", HotSpotsSchema, q, signal),
  repeatCallers: (q: AppealScope, signal?: AbortSignal) =>
    api.get("/api/dashboard/appeals/repeat-callers", RepeatCallersSchema, q, signal),
  briefingUrl: (from: string, to: string, format: "docx" | "pdf") =>
    `/api/dashboard/briefings?${new URLSearchParams({ from, to, format })}`,
};

/**
 * Fetches a briefing file and hands it to the browser as a download; a refusal (bad period, no
 * LibreOffice for PDF) rejects with the server's Chinese message instead of opening a JSON page.
 */
export async function downloadBriefing(url: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network", "网络连接失败，请检查网络后重试");
  }
  if (!res.ok) {
    const parsed = ApiErrorSchema.safeParse(await res.json().catch(() => null));
    throw parsed.success
      ? new ApiError(res.status, parsed.data.error.code, parsed.data.error.message)
      : new ApiError(res.status, "http_error", `下载失败（HTTP ${res.status}）`);
  }
  const disposition = res.headers.get("content-disposition") ?? "";
  const named = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = named ? decodeURIComponent(named) : fallbackName;
  a.click();
  URL.revokeObjectURL(href);
}
