import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { OFFICER, SUMMARY, UNIT_B } from "./data-test-fixtures.ts";
import { RequestFormModal } from "./request-form.tsx";

const RESOURCE = {
  ...SUMMARY,
  summary: "",
  shareCondition: "仅限市场监管执法使用",
  shareMethod: "接口",
  updatedAt: "2022-10-12T01:30:00.000Z",
  fields: [
    { name: "企业名称", type: "C", length: 100, required: true, codeList: null, personal: false, key: false },
    { name: "法定代表人", type: "C", length: 50, required: false, codeList: null, personal: true, key: false },
  ],
};

describe("RequestFormModal (申请共享)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("offers the resource's own fields, marks personal ones, and sends the chosen ones with the period", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      [`GET /api/data/resources/${RESOURCE.code}`]: () => RESOURCE,
      "POST /api/data/requests": () => ({
        status: 409,
        body: { error: { code: "conflict", message: "该资源已改为不予共享，不能申请", requestId: "r" } },
      }),
    });
    const onDone = vi.fn();
    renderPage(<RequestFormModal open onClose={() => {}} onDone={onDone} resourceCode={RESOURCE.code} />, {
      me: OFFICER,
    });
    const dialog = await screen.findByRole("dialog");
    expect(
      await within(dialog).findByText("市场主体登记信息（区市场监管局，有条件共享：仅限市场监管执法使用）"),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("checkbox", { name: "法定代表人（个人信息）" }));
    fireEvent.change(within(dialog).getByLabelText("用途"), { target: { value: "核验企业法定代表人身份" } });
    fireEvent.change(within(dialog).getByLabelText("申请依据"), { target: { value: "《优化营商环境条例》" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "确定" }));
    await waitFor(() => expect(calls.some((c) => c.call === "POST /api/data/requests")).toBe(true));
    const body = calls.find((c) => c.call === "POST /api/data/requests")?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      resourceCode: RESOURCE.code,
      consumerUnitId: UNIT_B,
      fields: ["法定代表人"],
      purpose: "核验企业法定代表人身份",
      legalBasis: "《优化营商环境条例》",
    });
    expect(String(body.periodFrom)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A refusal shows the server's reason and keeps the dialog open.
    expect(await screen.findByText("该资源已改为不予共享，不能申请")).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });
});
