import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { OFFICER, UNIT_B } from "./data-test-fixtures.ts";
import { SystemsPage } from "./systems-page.tsx";

const SYSTEM = {
  id: "00000000-0000-4000-8000-000000000601",
  name: "市场监管综合业务系统",
  ownerUnitId: UNIT_B,
  ownerName: "区市场监管局",
  onGovCloud: true,
  protectionLevel: 3,
  provides: ["30101001-00001"],
  consumes: [],
  updatedAt: "2022-10-12T01:30:00.000Z",
};

describe("SystemsPage (信息系统台账)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists the systems and edits one, sending the whole record", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/systems": () => ({ total: 1, onGovCloud: 1, items: [SYSTEM] }),
      [`PUT /api/data/systems/${SYSTEM.id}`]: (_url, body) => ({ ...SYSTEM, ...(body as object) }),
    });
    renderPage(<SystemsPage />, { path: "/data/systems", me: OFFICER });
    expect(await screen.findByText("市场监管综合业务系统")).toBeTruthy();
    expect(screen.getByText("第三级")).toBeTruthy();
    expect(screen.getByRole("link", { name: "30101001-00001" }).getAttribute("href")).toBe(
      "/data/resources/30101001-00001",
    );
    fireEvent.click(screen.getByRole("button", { name: "修改" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("switch", { name: "部署在政务云" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "确定" }));
    await waitFor(() => expect(calls.some((c) => c.call.startsWith("PUT"))).toBe(true));
    expect(calls.find((c) => c.call.startsWith("PUT"))?.body).toEqual({
      name: SYSTEM.name,
      ownerUnitId: UNIT_B,
      onGovCloud: false,
      protectionLevel: 3,
      provides: ["30101001-00001"],
      consumes: [],
    });
  });
});
