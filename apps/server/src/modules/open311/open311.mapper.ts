import type {
  Open311Service,
  Open311ServiceRequest,
  Open311Status,
} from "../../../../../packages/contracts/src/open311.ts";
import {
  WO_CATEGORY_LABELS,
  WO_STATUS_LABELS,
  type WoCategory,
  WoCategorySchema,
  WoStatusSchema,
} from "../../../../../packages/contracts/src/work-orders.ts";
import type { findChannelTickets } from "../work-orders/queries.service.ts";

type ChannelTicket = Awaited<ReturnType<typeof findChannelTickets>>[number];

// Asia/Shanghai has kept UTC+8 without daylight saving since 1991.
const OFFSET_MS = 8 * 3600_000;

/** ISO 8601 in business time with its offset, as GeoReport v2 asks: 2022-09-30T10:00:00+08:00. */
export function toZonedIso(d: Date): string {
  return `${new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

const SERVICE_TEXT: Record<WoCategory, { description: string; keywords: string }> = {
  consult: { description: "政策法规、办事指南等咨询", keywords: "咨询,政策咨询,办事指南,12345" },
  help: { description: "生活中遇到困难，需要政府部门帮助解决", keywords: "求助,帮助,困难,12345" },
  complaint: { description: "对侵害自身权益的行为或政务服务问题的投诉", keywords: "投诉,反映问题,12345" },
  report: { description: "对违法违规行为的举报", keywords: "举报,违法,违规,12345" },
  suggestion: { description: "对政府工作和公共服务的意见建议", keywords: "意见,建议,意见建议,12345" },
};

export function toServiceDto(code: WoCategory): Open311Service {
  return {
    service_code: code,
    service_name: WO_CATEGORY_LABELS[code],
    description: SERVICE_TEXT[code].description,
    metadata: false,
    type: "realtime",
    keywords: SERVICE_TEXT[code].keywords,
    group: "12345热线",
  };
}

// Same split as the repository's status filter (closed and archived are done; a merged duplicate
// stays open while its master ticket is handled), so a status filter and the answer agree.
const DONE = new Set(["closed", "archived"]);

export function toOpen311Status(status: string): Open311Status {
  return DONE.has(status) ? "closed" : "open";
}

function latest(dates: ReadonlyArray<Date | null>): Date | null {
  let max: Date | null = null;
  for (const d of dates) {
    if (d && (!max || d > max)) {
      max = d;
    }
  }
  return max;
}

/** A public view of an Open311 ticket: no caller name or phone, ids as strings. */
export function toServiceRequestDto({ row, unitName }: ChannelTicket): Open311ServiceRequest {
  const category = WoCategorySchema.safeParse(row.category);
  const status = WoStatusSchema.safeParse(row.status);
  const open311Status = toOpen311Status(row.status);
  // For a closed request the spec wants the closing time; otherwise the latest milestone we keep.
  const updated =
    (open311Status === "closed" ? row.closedAt : null) ??
    latest([row.receivedAt, row.acceptedAt, row.repliedAt, row.closedAt]) ??
    row.receivedAt;
  return {
    service_request_id: String(row.seqNo),
    status: open311Status,
    status_notes: status.success ? WO_STATUS_LABELS[status.data] : null,
    service_name: category.success ? WO_CATEGORY_LABELS[category.data] : row.category,
    service_code: row.category,
    description: row.content,
    agency_responsible: unitName,
    service_notice: null,
    requested_datetime: toZonedIso(row.receivedAt),
    updated_datetime: toZonedIso(updated),
    expected_datetime: toZonedIso(row.closeDueAt),
    address: row.address,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}
