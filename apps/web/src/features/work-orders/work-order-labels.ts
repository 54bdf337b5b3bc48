import {
  WO_CATEGORIES,
  WO_CATEGORY_LABELS,
  WO_CHANNEL_LABELS,
  WO_CHANNELS,
  WO_KIND_LABELS,
  WO_KINDS,
  WO_URGENCIES,
  WO_URGENCY_LABELS,
  type WoMetricKey,
  type WoStatus,
} from "../../../../../packages/contracts/src/work-orders.ts";

export const KIND_OPTIONS = WO_KINDS.map((value) => ({ value, label: WO_KIND_LABELS[value] }));
export const CATEGORY_OPTIONS = WO_CATEGORIES.map((value) => ({ value, label: WO_CATEGORY_LABELS[value] }));
export const URGENCY_OPTIONS = WO_URGENCIES.map((value) => ({ value, label: WO_URGENCY_LABELS[value] }));
export const CHANNEL_OPTIONS = WO_CHANNELS.map((value) => ({ value, label: WO_CHANNEL_LABELS[value] }));

/** Open work is blue/orange, waiting on the centre is purple, finished is green/grey. */
export const STATUS_COLORS: Record<WoStatus, string> = {
  received: "blue",
  dispatched: "geekblue",
  accepted: "cyan",
  in_progress: "processing",
  return_requested: "orange",
  extension_requested: "gold",
  replied: "purple",
  follow_up: "magenta",
  closed: "success",
  archived: "default",
  merged: "default",
};

export const SUPERVISION_COLORS: Record<number, string> = { 1: "gold", 2: "orange", 3: "red" };

/** What each counted figure means, for drill-down banners and table headers. */
export const METRIC_LABELS: Record<WoMetricKey, string> = {
  volume: "受理量",
  acceptDue: "应签收",
  acceptOnTime: "按时签收",
  closeDue: "应办结",
  closeOnTime: "按时办结",
  closed: "已办结",
  followedUp: "已回访",
  satisfied: "满意（含基本满意）",
  resolvedKnown: "已确认是否解决",
  resolved: "已解决",
  redo: "重办",
  returns: "退单",
  improperReturns: "不当退单",
  praises: "表扬",
};
