import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { User } from "../../../../../packages/contracts/src/users.ts";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { UsersPage } from "./users-page.tsx";

const USER: User = {
  id: "00000000-0000-4000-8000-000000000011",
  username: "zhang.san",
  displayName: "张三",
  phone: "138****5678",
  orgUnitId: "00000000-0000-4000-8000-000000000021",
  orgUnitName: "花都区政务服务数据管理局",
  disabled: false,
  lockedUntil: null,
  grants: [],
  createdAt: "2022-03-01T01:00:00Z",
};

describe("UsersPage (用户与角色)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists users with Beijing times, and an edit refreshes the list from the server", async () => {
    let name = USER.displayName;
    const calls = mockApi({
      "GET /api/org/tree": () => ({ units: [] }),
      "GET /api/users": () => ({ items: [{ ...USER, displayName: name }], total: 1 }),
      "PATCH /api/users/00000000-0000-4000-8000-000000000011": (_url, body) => {
        name = typeof body === "object" && body !== null && "displayName" in body ? String(body.displayName) : name;
        return { ...USER, displayName: name };
      },
    });
    renderPage(<UsersPage />, { path: "/users?q=zhang" });
    expect(await screen.findByText("张三")).toBeTruthy();
    expect(screen.getByText("2022-03-01 09:00:00")).toBeTruthy();
    expect(calls[0]?.call).toBe("GET /api/users?q=zhang&page=1&pageSize=20");

    fireEvent.click(screen.getByRole("button", { name: "编辑" }));
    const input = await screen.findByDisplayValue("张三");
    fireEvent.change(input, { target: { value: "张三丰" } });
    fireEvent.click(screen.getByRole("button", { name: "确定" }));
    expect(await screen.findByText("张三丰")).toBeTruthy();
    await waitFor(() => expect(calls.filter((c) => c.call.startsWith("GET /api/users")).length).toBe(2));
  });
});
