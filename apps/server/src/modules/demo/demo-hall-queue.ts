import { createHash } from "node:crypto";
import { idCheckChar } from "../../../../../packages/contracts/src/id-number.ts";
import { businessInstant } from "../calendar/work-calendar.ts";
import { GIVEN, SURNAMES } from "./demo-texts.ts";
import type { HallLayout } from "./hall-batch.ts";

/* Today's queue at the district centre, for the demo's present (demo-hall-present.ts). */

/** Visitors of an ordinary day at the centre (566,800 over 2022's 242 working days). */
const DAY_VISITORS = 2300;
/** Check-in weights per part of the day, as the year's (hall-batch BUCKETS). */
const BUCKETS: Array<[startMin: number, len: number, weight: number]> = [
  [540, 60, 15],
  [600, 60, 18],
  [660, 40, 9],
  [780, 60, 10],
  [840, 60, 17],
  [900, 60, 17],
  [960, 40, 8],
];

export function hashOf(key: string): number {
  return Number.parseInt(createHash("sha256").update(key).digest("hex").slice(0, 8), 16);
}
export function uuidOf(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A made-up person: name, a valid Huadu ID number, a mobile number. */
export function person(h: (salt: string) => number) {
  const birth = new Date(Date.UTC(1952, 0, 1) + (h("b") % 19000) * 86_400_000).toISOString().slice(0, 10);
  const first17 = `440114${birth.replaceAll("-", "")}${String(h("q") % 1000).padStart(3, "0")}`;
  return {
    personName: `${SURNAMES[h("s") % SURNAMES.length] ?? "陈"}${GIVEN[h("g") % GIVEN.length] ?? "伟"}`,
    idNumber: `${first17}${idCheckChar(first17)}`,
    phone: `13${String(h("p") % 1_000_000_000).padStart(9, "0")}`,
  };
}

export type Visit = {
  k: number;
  id: string;
  groupId: string;
  prefix: string;
  seq: number;
  itemCode: string;
  itemName: string;
  more: Array<{ itemCode: string; itemName: string }>;
  who: ReturnType<typeof person>;
  wantsBooking: boolean;
  checkedInAt: Date;
  status: "waiting" | "called" | "serving" | "done" | "skipped";
  window: HallLayout["windows"][number] | null;
  calledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/**
 * Today's visitors up to now, when now is within a session of a working day: check-ins spread over
 * the day as in the year, each called after a wait and served at a window of its group; those whose
 * service ended are done (a few passed over), at most one is at each window now, the rest wait.
 */
export function todaysQueue(
  layout: HallLayout,
  P: string,
  now: Date,
  today: string,
  workday: boolean,
  sessions: ReadonlyArray<{ start: string; end: string }>,
): Visit[] {
  const toMin = (hhmm: string) => {
    const [h = 0, m = 0] = hhmm.split(":").map(Number);
    return h * 60 + m;
  };
  const nowMin = (now.getTime() - businessInstant(today, 0, 0).getTime()) / 60_000;
  const session = sessions.find((s) => toMin(s.start) <= nowMin && nowMin < toMin(s.end));
  if (!workday || !session) {
    return [];
  }
  const totalWeight = BUCKETS.reduce((s, [, , w]) => s + w, 0);
  const groupWeight = layout.groups.reduce((s, g) => s + g.weight, 0);
  const at = (min: number) => new Date(businessInstant(today, 0, 0).getTime() + Math.round(min * 60) * 1000);
  const out: Visit[] = [];
  const seqs = new Map<string, number>();
  const busy = new Set<string>();
  let k = 0;
  for (const [start, len, weight] of BUCKETS) {
    const n = Math.round((DAY_VISITORS * weight) / totalWeight);
    for (let j = 0; j < n; j++, k++) {
      const h = (salt: string) => hashOf(`${P}:v:${k}:${salt}`);
      const inMin = start + ((j + (h("t") % 1000) / 1000) * len) / n;
      if (inMin > nowMin - 1) {
        continue;
      }
      const pick = h("grp") % groupWeight;
      let lo = 0;
      const group =
        layout.groups.find((g) => {
          lo += g.weight;
          return pick < lo;
        }) ?? layout.groups[0];
      const items = layout.items.filter((i) => i.groupId === group?.id);
      const wins = layout.windows.filter((w) => w.groupId === group?.id);
      const item = items[h("i") % Math.max(1, items.length)];
      if (!group || !item || wins.length === 0) {
        continue;
      }
      const m = h("m") % 100;
      const more = items.filter((x) => x !== item).slice(0, m < 4 ? 2 : m < 17 ? 1 : 0);
      const seq = (seqs.get(group.id) ?? 0) + 1;
      seqs.set(group.id, seq);
      // Morning visitors are served by noon, afternoon ones by closing (as the year's).
      const endMin = inMin < 720 ? 720 : 1020;
      const wait = Math.min(60 + ((h("w") % 1000) ** 2 * 1500) / 1_000_000, (endMin - inMin) * 20);
      const service = Math.min((1 + more.length) * (240 + (h("d") % 840)), (endMin - inMin) * 60 - wait - 60);
      const calledMin = inMin + wait / 60;
      const finishedMin = calledMin + 0.5 + service / 60;
      const window = wins[h("win") % wins.length] ?? null;
      let status: Visit["status"] = "waiting";
      if (finishedMin <= nowMin) {
        status = h("skip") % 100 < 2 ? "skipped" : "done";
      } else if (calledMin <= nowMin && window && !busy.has(window.id)) {
        status = calledMin + 0.5 <= nowMin ? "serving" : "called";
        busy.add(window.id);
      }
      const served = status !== "waiting";
      out.push({
        k,
        id: uuidOf(`${P}:ticket:${k}`),
        groupId: group.id,
        prefix: group.prefix,
        seq,
        itemCode: item.code,
        itemName: item.name,
        more: status === "done" ? more.map((x) => ({ itemCode: x.code, itemName: x.name })) : [],
        who: person(h),
        wantsBooking: item.bookable && h("bk") % 100 < 24,
        checkedInAt: at(inMin),
        status,
        window: served ? window : null,
        calledAt: served ? at(calledMin) : null,
        startedAt: status === "done" || status === "serving" ? at(calledMin + 0.5) : null,
        finishedAt: status === "done" ? at(finishedMin) : status === "skipped" ? at(calledMin + 3) : null,
      });
    }
  }
  return out;
}
