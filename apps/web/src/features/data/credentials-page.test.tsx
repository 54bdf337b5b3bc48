import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { CredentialsPage } from "./credentials-page.tsx";
import { OFFICER, UNIT_B } from "./data-test-fixtures.ts";

const READ = {
  id: "00000000-0000-4000-8000-000000000701",
  name: "数据服务凭证 3f2a9c1d",
  prefix: "AbCdEfGhIjKl",
  kind: "read",
  unitId: UNIT_B,
  unitName: "区市场监管局",
  grant: {
    id: "00000000-0000-4000-8000-000000000702",
    resourceCode: "10101001-00001",
    resourceName: "人口基础信息",
    status: "active",
    validTo: "2023-09-30",
  },
  createdBy: "王数据",
  // 2022-10-12 09:30 in Shanghai: the page shows the bureau's time whatever the browser's zone.
  createdAt: "2022-10-12T01:30:00.000Z",
  lastUsedAt: null,
  revokedAt: null,
};
const WRITE = {
  ...READ,
  id: "00000000-0000-4000-8000-000000000703",
  name: "企业登记业务系统",
  kind: "write",
  grant: null,
};

describe("CredentialsPage (授权与凭证)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists credentials with their grant and write keys, and revokes one after confirmation", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/credentials": () => ({ items: [READ, WRITE] }),
      [`POST /api/data/credentials/${WRITE.id}/revoke`]: () => ({ ...WRITE, revokedAt: "2022-10-13T02:00:00.000Z" }),
    });
    renderPage(<CredentialsPage />, { path: "/data/credentials", me: OFFICER });
    expect(await screen.findByText("数据服务凭证 3f2a9c1d")).toBeTruthy();
    expect(screen.getByRole("link", { name: "人口基础信息" }).getAttribute("href")).toBe(
      "/data/resources/10101001-00001",
    );
    expect(screen.getByText("授权有效")).toBeTruthy();
    expect(screen.getByText("数据写入密钥")).toBeTruthy();
    expect(screen.getAllByText("2022-10-12 09:30")).toHaveLength(2);
    const revokeButtons = screen.getAllByRole("button", { name: "吊销" });
    fireEvent.click(revokeButtons[1] as HTMLElement);
    // The confirmation opens; its OK button comes after the rows' buttons.
    expect(await screen.findByText("吊销「企业登记业务系统」？")).toBeTruthy();
    fireEvent.click(screen.getAllByRole("button", { name: "吊销" }).at(-1) as HTMLElement);
    await waitFor(() =>
      expect(calls.some((c) => c.call === `POST /api/data/credentials/${WRITE.id}/revoke`)).toBe(true),
    );
    expect(calls.some((c) => c.call === `POST /api/data/credentials/${READ.id}/revoke`)).toBe(false);
  });
});
