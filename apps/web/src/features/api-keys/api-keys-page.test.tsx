import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApiKey } from "../../../../../packages/contracts/src/api-keys.ts";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { ApiKeysPage } from "./api-keys-page.tsx";

const KEY: ApiKey = {
  id: "00000000-0000-4000-8000-000000000041",
  name: "12345热线对接",
  prefix: "zw_ab12",
  scopes: ["tickets:write"],
  createdAt: "2022-03-01T01:00:00Z",
  lastUsedAt: null,
  revokedAt: null,
};

describe("ApiKeysPage (接口密钥)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("creates a key, shows its secret once, and lists it", async () => {
    const keys: ApiKey[] = [];
    mockApi({
      "GET /api/api-keys": () => ({ items: keys }),
      "POST /api/api-keys": () => {
        keys.push(KEY);
        return { apiKey: KEY, secret: "zw_ab12_secret" };
      },
    });
    renderPage(<ApiKeysPage />, { path: "/api-keys" });
    fireEvent.click(await screen.findByRole("button", { name: /新建密钥/ }));
    fireEvent.change(await screen.findByRole("textbox", { name: "名称" }), { target: { value: "12345热线对接" } });
    fireEvent.click(screen.getAllByRole("checkbox")[0] ?? document.body);
    fireEvent.click(screen.getByRole("button", { name: "创建" }));
    expect(await screen.findByDisplayValue("zw_ab12_secret")).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText("12345热线对接").length).toBeGreaterThan(0));
  });
});
