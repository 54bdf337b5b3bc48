import type { ZodType } from "zod";
import type { Role } from "../../../../../packages/contracts/src/common.ts";
import {
  type WO_QUEUES,
  WoCategorySchema,
  WoChannelSchema,
  WoKindSchema,
  WoMetricKeySchema,
  WoQueueSchema,
  WoUrgencySchema,
} from "../../../../../packages/contracts/src/work-orders.ts";

export type QueueKey = (typeof WO_QUEUES)[number] | "all";

/** The list's filters as they sit in the URL; all optional strings, as sent to the server. */
export type WoFilters = {
  kind?: string | undefined;
  category?: string | undefined;
  urgency?: string | undefined;
  channel?: string | undefined;
  townId?: string | undefined;
  unitId?: string | undefined;
  campaign?: string | undefined;
  status?: string | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  metric?: string | undefined;
};

export const FILTER_KEYS = [
  "kind",
  "category",
  "urgency",
  "channel",
  "townId",
  "unitId",
  "campaign",
  "status",
  "q",
  "from",
  "to",
  "metric",
] as const satisfies readonly (keyof WoFilters)[];

// A hand-edited URL with an unknown code is dropped rather than sent on to fail validation.
const ENUMS: Partial<Record<keyof WoFilters, ZodType>> = {
  kind: WoKindSchema,
  category: WoCategorySchema,
  urgency: WoUrgencySchema,
  channel: WoChannelSchema,
  metric: WoMetricKeySchema,
};

export function readFilters(params: URLSearchParams): WoFilters {
  const filters: WoFilters = {};
  for (const key of FILTER_KEYS) {
    const raw = params.get(key)?.trim();
    const schema = ENUMS[key];
    if (raw && (!schema || schema.safeParse(raw).success)) {
      filters[key] = raw;
    }
  }
  return filters;
}

const DISPATCHER_QUEUES: QueueKey[] = [
  "new",
  "due_soon",
  "overdue",
  "awaiting_review",
  "awaiting_follow_up",
  "supervised",
  "duplicates",
];
const HANDLER_QUEUES: QueueKey[] = ["inbox", "due_soon", "overdue", "supervised"];
const OBSERVER_QUEUES: QueueKey[] = ["due_soon", "overdue", "supervised", "duplicates"];

/** The tabs a user sees: the centre's queues, a unit's inbox, or the watch lists for everyone else. */
export function queuesFor(roles: readonly Role[]): QueueKey[] {
  const isDispatcher = roles.includes("dispatcher");
  const isHandler = roles.includes("handler");
  // The role's own default queue comes first; shared watch lists are listed once.
  const lists = isDispatcher
    ? [DISPATCHER_QUEUES, isHandler ? HANDLER_QUEUES : []]
    : [isHandler ? HANDLER_QUEUES : OBSERVER_QUEUES];
  return [...new Set<QueueKey>([...lists.flat(), "all"])];
}

export function defaultQueue(roles: readonly Role[]): QueueKey {
  if (roles.includes("dispatcher")) {
    return "new";
  }
  return roles.includes("handler") ? "inbox" : "all";
}

/**
 * The tab from the URL. A bare /work-orders opens the role's default queue; a link that carries
 * filters but no queue (e.g. a drill-down from the metrics) means all tickets.
 */
export function readQueue(params: URLSearchParams, fallback: QueueKey): QueueKey {
  const raw = params.get("queue");
  if (raw === "all") {
    return "all";
  }
  const parsed = WoQueueSchema.safeParse(raw);
  if (parsed.success) {
    return parsed.data;
  }
  return [...params.keys()].some((k) => k !== "page" && k !== "pageSize") ? "all" : fallback;
}

/** The server's filter query for a tab; "all" is our name for no queue. */
export function serverFilter(queue: QueueKey, filters: WoFilters): Record<string, string | undefined> {
  return { queue: queue === "all" ? undefined : queue, ...filters };
}
