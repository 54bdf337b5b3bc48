import type { CityTicketInput } from "../../../../packages/contracts/src/work-orders.ts";

type Send = (over: Partial<CityTicketInput>) => Promise<void>;

/** A Monday and the following days, YYYY-MM-DD. */
export const dayAfter = (monday: string, plus: number) =>
  new Date(Date.parse(`${monday}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

const LIGHTS = {
  category: "help",
  title: "路灯损坏不亮",
  content: "来电人反映路段多盏路灯损坏，夜间出行不便，请求维修。",
} as const;

/**
 * The 诉求 analysis's fixture: eight ordinary weeks from 17 January 2022 with three street-light
 * calls each; then the week of 14 March with the same three street lights and twelve calls about
 * the village's stream, four of them from `repeatPhone`. 39 tickets in all.
 */
export async function sendAppealWeeks(send: Send, townCode: string, repeatPhone: string): Promise<void> {
  for (let w = 0; w < 8; w++) {
    for (let i = 0; i < 3; i++) {
      await send({
        ...LIGHTS,
        receivedAt: `${dayAfter("2022-01-17", w * 7 + i)}T09:00:00+08:00`,
        callerPhone: `1370000${String(1000 + w * 3 + i)}`,
      });
    }
  }
  for (let i = 0; i < 3; i++) {
    await send({
      ...LIGHTS,
      receivedAt: `${dayAfter("2022-03-14", i)}T09:00:00+08:00`,
      callerPhone: `1360000${String(1000 + i)}`,
    });
  }
  for (let i = 0; i < 12; i++) {
    await send({
      receivedAt: `${dayAfter("2022-03-14", i % 5)}T1${i % 8}:00:00+08:00`,
      category: "complaint",
      title: "河涌黑臭整治后反弹",
      content: "来电人反映岭南镇东岭村河涌经整治后再次出现黑臭，请求跟进整改。",
      townCode,
      communityCode: `${townCode}001`,
      callerPhone: i < 4 ? repeatPhone : `1380000${String(1000 + i)}`,
    });
  }
}
