import { describe, expect, it } from "vitest";
import { navItemFor, navMenuItems } from "./nav-items.tsx";

describe("the side menu", () => {
  it("gathers the data officer's pages under 数据资源, and a resource's page belongs to 数据资源目录", () => {
    const items = navMenuItems(["dataResources", "catalog"]);
    const group = items.find((i) => i.key === "group:数据资源");
    expect(group?.children?.map((c) => c.key)).toEqual([
      "/data/resources",
      "/data/requests",
      "/data/credentials",
      "/data/exchange-log",
      "/data/systems",
      "/data/statistics",
    ]);
    expect(items.map((i) => i.key)).toEqual(["/", "/catalog", "/catalog/metrics", "group:数据资源"]);
    expect(navMenuItems(["catalog"]).some((i) => i.key === "group:数据资源")).toBe(false);
    expect(navItemFor("/data/resources/30101001-00001")?.label).toBe("数据资源目录");
  });
});
