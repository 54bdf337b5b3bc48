import { describe, expect, it } from "vitest";
import { loadDistrictDivisions, townKind, villageKind } from "./divisions.ts";

describe("divisions", () => {
  it("classifies towns and villages by their official names", () => {
    expect(townKind("新华街道")).toBe("street");
    expect(townKind("狮岭镇")).toBe("town");
    expect(villageKind("合成村委会")).toBe("village");
    expect(villageKind("新华社区居委会")).toBe("community");
  });
  it("reads a district with its towns and villages, and nothing for a bad code", async () => {
    const d = await loadDistrictDivisions("440114");
    expect(d?.city.name).toBe("广州市");
    expect(d?.towns).toHaveLength(10);
    expect(d?.villages).toHaveLength(261);
    expect(await loadDistrictDivisions("44011")).toBeUndefined();
  });
});
