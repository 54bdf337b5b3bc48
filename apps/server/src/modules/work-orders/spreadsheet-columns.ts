import {
  WO_CATEGORY_LABELS,
  WO_CHANNEL_LABELS,
  WO_KIND_LABELS,
  WO_URGENCY_LABELS,
} from "../../../../../packages/contracts/src/work-orders.ts";

/** The columns of the city platform's ticket export, which our export writes and our import reads. */
export const TICKET_COLUMNS = [
  { key: "cityTicketNo", header: "工单编号" },
  { key: "receivedAt", header: "受理时间" },
  { key: "kind", header: "工单类型" },
  { key: "category", header: "诉求分类" },
  { key: "urgency", header: "紧急程度" },
  { key: "channel", header: "来源渠道" },
  { key: "title", header: "标题" },
  { key: "content", header: "诉求内容" },
  { key: "callerName", header: "来电人" },
  { key: "callerPhone", header: "联系电话" },
  { key: "townCode", header: "镇街代码" },
  { key: "communityCode", header: "村居代码" },
  { key: "address", header: "地址" },
  { key: "campaignTags", header: "专项标签" },
] as const;

/** Label → code for the enum columns (codes are accepted too). */
export function reverseLabels(labels: Record<string, string>): Map<string, string> {
  return new Map([
    ...Object.entries(labels).map(([code, label]) => [label, code] as const),
    ...Object.keys(labels).map((c) => [c, c] as const),
  ]);
}

export const ENUM_COLUMNS: Record<string, Map<string, string>> = {
  kind: reverseLabels(WO_KIND_LABELS),
  category: reverseLabels(WO_CATEGORY_LABELS),
  urgency: reverseLabels(WO_URGENCY_LABELS),
  channel: reverseLabels(WO_CHANNEL_LABELS),
};

export const ENUM_LABELS: Record<string, Record<string, string>> = {
  kind: WO_KIND_LABELS,
  category: WO_CATEGORY_LABELS,
  urgency: WO_URGENCY_LABELS,
  channel: WO_CHANNEL_LABELS,
};
