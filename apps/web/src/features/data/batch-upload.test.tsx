import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { BatchUpload } from "./batch-upload.tsx";
import { OFFICER } from "./data-test-fixtures.ts";

const CODE = "30101001-00001";
const URL_PATH = `POST /api/data/resources/${CODE}/batches/upload`;

async function chooseAndSend(name: string) {
  fireEvent.click(await screen.findByRole("button", { name: /上传数据文件/ }));
  const dialog = await screen.findByRole("dialog");
  const input = dialog.querySelector<HTMLInputElement>("input[type=file]");
  if (!input) {
    throw new Error("no file input");
  }
  fireEvent.click(within(dialog).getByLabelText(/隔离问题行/));
  fireEvent.change(input, { target: { files: [new File(["统一社会信用代码\n1"], name, { type: "text/csv" })] } });
  fireEvent.click(within(dialog).getByRole("button", { name: "上传" }));
  return dialog;
}

describe("BatchUpload (上传数据文件)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("a refused file: the server's message and every bad cell in a table, the dialog stays open", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      [URL_PATH]: () => ({
        status: 422,
        body: {
          error: {
            code: "unprocessable",
            message: "批次 upload-1 有 1 行不符合信息项要求，整批未接收",
            requestId: "r",
            details: [
              { row: 3, column: "注册资本", message: "第 3 行“注册资本”：应为数值型", path: "file.3.注册资本" },
            ],
          },
        },
      }),
    });
    renderPage(<BatchUpload code={CODE} />, { path: "/", me: OFFICER });
    const dialog = await chooseAndSend("企业.csv");
    expect(await within(dialog).findByText("批次 upload-1 有 1 行不符合信息项要求，整批未接收")).toBeTruthy();
    expect(within(dialog).getByText("注册资本")).toBeTruthy();
    expect(within(dialog).getByText("第 3 行“注册资本”：应为数值型")).toBeTruthy();
    const sent = calls.find((c) => c.call.startsWith("POST"));
    expect(sent?.call).toMatch(/batchId=upload-\d{8}-\d{6}&mode=quarantine$/);
  });

  it("wrong headers (400) show the message naming the columns; a good file closes with the counts", async () => {
    let answer = 400;
    mockApi({
      "GET /api/auth/me": () => OFFICER,
      [URL_PATH]: () =>
        answer === 400
          ? {
              status: 400,
              body: { error: { code: "validation", message: "表头与信息项不符：未知列“注册资金”", requestId: "r" } },
            }
          : {
              status: 201,
              body: {
                id: "00000000-0000-4000-8000-000000000701",
                batchId: "upload-1",
                mode: "quarantine",
                received: 10,
                accepted: 9,
                quarantined: 1,
                checksum: "a".repeat(64),
                receivedAt: "2022-10-12T01:30:00.000Z",
                createdBy: "数据专员",
                quarantine: [{ row: 4, errors: [{ column: "登记状态", message: "不在代码表内" }] }],
              },
            },
    });
    renderPage(<BatchUpload code={CODE} />, { path: "/", me: OFFICER });
    const dialog = await chooseAndSend("企业.xlsx");
    expect(await within(dialog).findByText("表头与信息项不符：未知列“注册资金”")).toBeTruthy();
    answer = 201;
    fireEvent.click(within(dialog).getByRole("button", { name: "上传" }));
    expect(await screen.findByText("已接收 9 行，1 行问题数据已隔离（见批次明细）")).toBeTruthy();
  });
});
