import type { CityTicketInput } from "../../../../packages/contracts/src/work-orders.ts";

let n = 0;
/** A valid city-platform message with a unique ticket number. */
export function buildCityTicket(overrides: Partial<CityTicketInput> = {}): CityTicketInput {
  n += 1;
  return {
    cityTicketNo: `GZ${Date.now().toString(36)}${n}`.toUpperCase(),
    receivedAt: "2022-09-30T10:00:00+08:00",
    kind: "hotline",
    category: "complaint",
    urgency: "normal",
    channel: "city_12345",
    title: "小区夜间施工噪音扰民",
    content: `某小区旁工地夜间施工，噪音很大，影响休息（第${n}件）`,
    callerName: "李四",
    callerPhone: "13800138000",
    campaignTags: [],
    ...overrides,
  };
}
