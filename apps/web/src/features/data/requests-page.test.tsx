import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { OFFICER, UNIT_A } from "./data-test-fixtures.ts";
import { RequestsPage } from "./requests-page.tsx";

const PENDING = {
  id: "00000000-0000-4000-8000-000000000201",
  resourceCode: "30101001-00001",
  resourceName: "市场主体登记信息",
  providerName: "区市场监管局",
  consumerUnitId: UNIT_A,
  consumerName: "新华街道",
  purpose: "核验申请人提交的企业信息",
  legalBasis: "《优化营商环境条例》第三十五条",
  fields: ["统一社会信用代码", "企业名称", "法定代表人"],
  periodFrom: "2022-10-01",
  periodTo: "2023-09-30",
  status: "pending",
  // Long past: the provider is late.
  dueAt: "2022-10-11T02:00:00.000Z",
  decidedAt: null,
  decidedBy: null,
  decisionNote: null,
  createdBy: "数据专员",
  createdAt: "2022-09-29T02:00:00.000Z",
  grant: null,
};
const GRANT = {
  id: "00000000-0000-4000-8000-000000000301",
  requestId: PENDING.id,
  resourceCode: PENDING.resourceCode,
  consumerUnitId: UNIT_A,
  fields: ["统一社会信用代码", "企业名称"],
  personal: false,
  conditions: "仅限核验",
  validFrom: "2022-10-01",
  validTo: "2023-03-31",
  status: "active",
  revokedAt: null,
  revokeReason: null,
};
const GRANTED = { ...PENDING, status: "granted", decidedAt: "2022-10-08T02:00:00.000Z", grant: GRANT };

describe("RequestsPage (共享申请)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("approves fewer fields, a shorter period and conditions; the overdue deadline is shown in red", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/requests": () => ({ total: 1, items: [PENDING] }),
      [`POST /api/data/requests/${PENDING.id}/decision`]: () => GRANTED,
    });
    renderPage(<RequestsPage />, { path: "/data/requests?box=to_approve", me: OFFICER });
    const late = await screen.findByText(/已超期/);
    // 02:00 UTC is 10:00 in Guangzhou.
    expect(late.textContent).toBe("2022-10-11 10:00（已超期）");
    expect(late.closest(".ant-typography-danger")).toBeTruthy();
    expect(calls.map((c) => c.call)).toContain("GET /api/data/requests?box=to_approve&page=1&pageSize=20");

    fireEvent.click(screen.getByRole("button", { name: "审批" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("checkbox", { name: "法定代表人" }));
    fireEvent.change(within(dialog).getByLabelText("使用条件"), { target: { value: "仅限核验" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "确定" }));
    await waitFor(() => expect(calls.some((c) => c.call.startsWith("POST"))).toBe(true));
    const post = calls.find((c) => c.call.startsWith("POST"));
    expect(post?.body).toEqual({
      decision: "approve",
      fields: ["统一社会信用代码", "企业名称"],
      periodFrom: "2022-10-01",
      periodTo: "2023-09-30",
      conditions: "仅限核验",
      personal: false,
    });
    expect(await screen.findByText("已同意，授权已生效")).toBeTruthy();
  });

  it("refuses only with a reason, and the server's field error lands on the field", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/requests": () => ({ total: 1, items: [PENDING] }),
      [`POST /api/data/requests/${PENDING.id}/decision`]: () => ({
        status: 400,
        body: {
          error: {
            code: "validation_failed",
            message: "参数不正确",
            requestId: "r",
            details: [{ path: "reason", message: "拒绝理由过于简单" }],
          },
        },
      }),
    });
    renderPage(<RequestsPage />, { path: "/data/requests?box=to_approve", me: OFFICER });
    fireEvent.click(await screen.findByRole("button", { name: "审批" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("radio", { name: "拒绝" }));
    const reason = await within(dialog).findByLabelText("拒绝理由");
    fireEvent.click(within(dialog).getByRole("button", { name: "确定" }));
    expect(await within(dialog).findByText("请填写拒绝理由")).toBeTruthy();
    expect(calls.some((c) => c.call.startsWith("POST"))).toBe(false);
    fireEvent.change(reason, { target: { value: "无" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "确定" }));
    expect(await within(dialog).findByText("拒绝理由过于简单")).toBeTruthy();
    expect(calls.find((c) => c.call.startsWith("POST"))?.body).toEqual({ decision: "refuse", reason: "无" });
  });

  it("my unit's granted request issues a credential whose secret is shown once", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/requests": () => ({ total: 1, items: [GRANTED] }),
      [`POST /api/data/grants/${GRANT.id}/credentials`]: () => ({
        keyId: "00000000-0000-4000-8000-000000000401",
        prefix: "zw_abc",
        secret: "zw_abc.secret-value",
        grantId: GRANT.id,
      }),
    });
    renderPage(<RequestsPage />, { path: "/data/requests", me: OFFICER });
    expect(await screen.findByText("授权 统一社会信用代码、企业名称；条件：仅限核验")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "审批" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "申领凭证" }));
    const secret = await screen.findByTestId("api-key-secret");
    expect((secret as HTMLInputElement).value).toBe("zw_abc.secret-value");
    expect(calls.map((c) => c.call)).toContain(`POST /api/data/grants/${GRANT.id}/credentials`);
  });

  it("tags the reminder's stage, and the workbench's link narrows the list to it", async () => {
    const soon = { ...PENDING, id: "00000000-0000-4000-8000-000000000202", dueAt: "2099-10-11T10:00:00.000Z" };
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/requests": (url) => ({
        total: 2,
        items:
          url.searchParams.get("deadline") === "overdue"
            ? [{ ...PENDING, deadline: "overdue" }]
            : [
                { ...PENDING, deadline: "overdue" },
                { ...soon, deadline: "due_soon" },
              ],
      }),
    });
    renderPage(<RequestsPage />, {
      path: "/data/requests?box=to_approve&status=pending&deadline=overdue",
      me: OFFICER,
    });
    // The filter shows the stage chosen; the row carries it as a tag.
    await waitFor(() => expect(screen.getAllByText("已超期").some((e) => e.closest(".ant-tag") !== null)).toBe(true));
    expect(screen.queryByText("即将到期")).toBeNull();
    expect(calls.map((c) => c.call)).toContain(
      "GET /api/data/requests?box=to_approve&status=pending&deadline=overdue&page=1&pageSize=20",
    );
  });

  it("a request due within a working day carries 即将到期", async () => {
    const soon = { ...PENDING, dueAt: "2099-10-11T10:00:00.000Z", deadline: "due_soon" };
    mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/requests": () => ({ total: 1, items: [soon] }),
    });
    renderPage(<RequestsPage />, { path: "/data/requests?box=to_approve", me: OFFICER });
    const tag = await screen.findByText("即将到期");
    expect(tag.closest(".ant-tag")).toBeTruthy();
    expect(screen.getByText("2099-10-11 18:00")).toBeTruthy();
  });
});
