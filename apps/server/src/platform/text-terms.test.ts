import { describe, expect, it } from "vitest";
import { addWords, topicTerms } from "./text-terms.ts";

describe("topic terms of a 诉求", () => {
  it("keeps the problem's words and drops the call's boilerplate", () => {
    const terms = topicTerms("路灯损坏不亮 来电人反映路段多盏路灯损坏，夜间出行不便，请求维修。");
    expect(terms).toContain("路灯");
    expect(terms).toContain("损坏");
    expect(terms).toContain("维修");
    for (const stop of ["来电人", "反映", "请求", "，"]) {
      expect(terms).not.toContain(stop);
    }
    expect(new Set(terms).size).toBe(terms.length);
  });

  it("segments hotline words whole", () => {
    expect(topicTerms("投诉商户长期占道经营，堵塞消防通道")).toEqual(expect.arrayContaining(["占道经营", "消防通道"]));
  });

  it("segments the tenant's place names whole and leaves them out of the topics", () => {
    addWords(["新华街道", "三东村"]);
    const places = new Set(["新华街道", "三东村"]);
    const terms = topicTerms("新华街道三东村：河涌黑臭，气味难闻", places);
    expect(terms).toEqual(expect.arrayContaining(["河涌", "黑臭"]));
    expect(terms.some((t) => t.includes("新华") || t.includes("三东"))).toBe(false);
  });

  it("returns at most `max` terms and nothing for text without words", () => {
    expect(topicTerms("路灯 井盖 积水 垃圾 噪音 油烟 停车 违建", new Set(), 3)).toHaveLength(3);
    expect(topicTerms("，。！ 123 a")).toEqual([]);
  });
});
