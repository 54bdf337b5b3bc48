import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { AuditPage } from "./audit-page.tsx";

const ENTRY = {
  id: 7,
  at: "2022-03-01T01:02:03Z",
  actorType: "user",
  actorId: "00000000-0000-4000-8000-000000000081",
  actorName: "系统管理员",
  action: "user.create",
  entityType: "user",
  entityId: "00000000-0000-4000-8000-000000000082",
  summary: { username: "zhang.san" },
  requestId: "r1",
  hash: "abc",
};

describe("AuditPage (审计日志)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists entries in Beijing time with the filters from the URL, and verifies the hash chain", async () => {
    const calls = mockApi({
      "GET /api/audit": () => ({ items: [ENTRY], total: 1 }),
      "GET /api/audit/verify": () => ({ ok: false, checked: 7, firstBrokenId: 5, reason: "哈希不连续" }),
    });
    renderPage(<AuditPage />, { path: "/audit?entityType=user" });
    expect(await screen.findByText("2022-03-01 09:02:03")).toBeTruthy();
    expect(calls[0]?.call).toBe("GET /api/audit?entityType=user&page=1&pageSize=20");
    fireEvent.click(screen.getByRole("button", { name: /校验哈希链/ }));
    expect(await screen.findByText("哈希链校验失败：首个异常记录 ID 为 5（已校验 7 条）")).toBeTruthy();
  });
});
