import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { OFFICER, SUMMARY } from "./data-test-fixtures.ts";
import { ResourcePage } from "./resource-page.tsx";

const RESOURCE = {
  ...SUMMARY,
  summary: "全区市场主体登记信息",
  shareCondition: "仅限市场监管执法使用",
  shareMethod: "接口",
  updatedAt: "2022-10-12T01:30:00.000Z",
  fields: [
    { name: "统一社会信用代码", type: "C", length: 18, required: true, codeList: null, personal: false, key: true },
    { name: "法定代表人", type: "C", length: 50, required: false, codeList: null, personal: true, key: false },
    {
      name: "登记状态",
      type: "C",
      length: 10,
      required: false,
      codeList: ["存续", "注销"],
      personal: false,
      key: false,
    },
  ],
};
const CODE = RESOURCE.code;
const BATCH = {
  id: "00000000-0000-4000-8000-000000000701",
  batchId: "2022-10-12",
  mode: "quarantine",
  received: 10,
  accepted: 9,
  quarantined: 1,
  checksum: "a".repeat(64),
  receivedAt: "2022-10-12T01:30:00.000Z",
  createdBy: "数据专员",
  quarantine: [{ row: 4, errors: [{ column: "登记状态", message: "不在代码集中" }] }],
};

describe("ResourcePage (信息资源)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the metadata, the 信息项 with their tags, batches with quarantine, and the server's field errors on edit", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      [`GET /api/data/resources/${CODE}`]: () => RESOURCE,
      [`GET /api/data/resources/${CODE}/batches`]: () => ({ total: 1, aggregatedRows: 9, items: [BATCH] }),
      "GET /api/data/exchange-log/counters": () => ({
        by: "month",
        items: [{ key: "2022-10", label: "2022-10", rows: 5000, calls: 4 }],
      }),
      [`PUT /api/data/resources/${CODE}`]: () => ({
        status: 400,
        body: {
          error: {
            code: "validation_failed",
            message: "参数不正确",
            requestId: "r",
            details: [{ path: "fields.1.name", message: "信息项“统一社会信用代码”重复" }],
          },
        },
      }),
    });
    renderPage(<ResourcePage />, { path: `/data/resources/${CODE}`, route: "/data/resources/:code", me: OFFICER });
    expect(await screen.findByText("市场主体登记信息（30101001-00001）")).toBeTruthy();
    expect(screen.getByText("仅限市场监管执法使用")).toBeTruthy();
    expect(screen.getByText("第 2 版（2022-10-12 09:30:00）")).toBeTruthy();
    expect(screen.getByText("个人信息")).toBeTruthy();
    expect(screen.getByText("存续、注销")).toBeTruthy();

    fireEvent.click(screen.getByRole("tab", { name: "数据批次" }));
    expect(await screen.findByText("2022-10-12")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /展开行|Expand row/ }));
    expect(await screen.findByText("第 4 行：登记状态 不在代码集中")).toBeTruthy();

    fireEvent.click(screen.getByRole("tab", { name: "使用情况" }));
    const month = await screen.findByRole("link", { name: "2022-10" });
    expect(month.getAttribute("href")).toBe(
      `/data/exchange-log?resourceCode=${CODE}&from=2022-10-01T00%3A00%3A00%2B08%3A00&to=2022-11-01T00%3A00%3A00%2B08%3A00`,
    );
    expect(calls.map((c) => c.call)).toContain(`GET /api/data/exchange-log/counters?by=month&resourceCode=${CODE}`);

    fireEvent.click(screen.getByRole("button", { name: /修改/ }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: "信息项2名称" }), {
      target: { value: "统一社会信用代码" },
    });
    fireEvent.click(within(dialog).getByRole("button", { name: "确定" }));
    expect(await within(dialog).findByText("信息项“统一社会信用代码”重复")).toBeTruthy();
    const put = calls.find((c) => c.call.startsWith("PUT"));
    expect(put?.body).toMatchObject({ code: CODE, publishedOn: "2022-01-10", shareType: "conditional" });
    const sent = (put?.body ?? { fields: [] }) as { fields: { name: string }[] };
    expect(sent.fields.map((f) => f.name)).toEqual(["统一社会信用代码", "统一社会信用代码", "登记状态"]);
  });

  it("lists, in the 免提交材料 tab, the catalog items whose materials name this resource as their source", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      [`GET /api/data/resources/${CODE}`]: () => RESOURCE,
      [`GET /api/data/resources/${CODE}/exempt-materials`]: () => ({
        source: RESOURCE.name,
        total: 12,
        materials: 13,
        items: [
          {
            itemCode: "11440114MB2C00001",
            itemName: "食品经营许可证核发",
            departmentName: "区市场监管局",
            materials: 1,
            materialNames: ["营业执照"],
          },
        ],
      }),
    });
    renderPage(<ResourcePage />, { path: `/data/resources/${CODE}`, route: "/data/resources/:code", me: OFFICER });
    fireEvent.click(await screen.findByRole("tab", { name: "免提交材料" }));
    expect(await screen.findByText("食品经营许可证核发")).toBeTruthy();
    expect(screen.getByText(/12 个事项的 13/)).toBeTruthy();
    expect(screen.getByText("共 12 个事项")).toBeTruthy();
    expect(calls.map((c) => c.call)).toContain(`GET /api/data/resources/${CODE}/exempt-materials?page=1&pageSize=10`);
  });
});
