import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage } from "../../test/render.tsx";
import { type ImportIssue, ImportModal } from "./import-modal.tsx";

type Result = { rows: number; errors: ImportIssue[] };

// The dialog's motion leaves its footer aria-hidden in a DOM without animation frames; query it anyway.
function renderImport(upload: (file: File, dryRun: boolean) => Promise<Result>, onDone = vi.fn()) {
  const view = renderPage(
    <ImportModal<Result>
      title="导入测试"
      open
      onClose={vi.fn()}
      accept=".xlsx"
      hint="格式同导出"
      upload={upload}
      issuesOf={(r) => r.errors}
      summary={(r) => `检查通过：${r.rows} 行`}
      done={(r) => `已导入 ${r.rows} 行`}
      onDone={onDone}
    />,
  );
  const input = view.baseElement.querySelector<HTMLInputElement>("input[type=file]");
  if (!input) {
    throw new Error("no file input");
  }
  const choose = (name: string) =>
    fireEvent.change(input, { target: { files: [new File(["x"], name, { type: "application/octet-stream" })] } });
  return { choose, onDone };
}

describe("ImportModal", () => {
  afterEach(() => vi.restoreAllMocks());

  it("checks the chosen file first and lists its problems by sheet, row and column, import disabled", async () => {
    const upload = vi.fn(async () => ({
      rows: 3,
      errors: [{ sheet: "事项", row: 4, column: "事项编码", message: "编码重复" }],
    }));
    const { choose } = renderImport(upload);
    choose("bad.xlsx");
    expect(await screen.findByText("编码重复")).toBeTruthy();
    expect(screen.getByText("发现 1 处错误，整个文件未导入。请修改后重新上传。")).toBeTruthy();
    expect(screen.getByRole("cell", { name: "事项编码" })).toBeTruthy();
    expect(upload).toHaveBeenCalledWith(expect.any(File), true);
    expect(screen.getByRole("button", { name: /确认导入/, hidden: true }).hasAttribute("disabled")).toBe(true);
  });

  it("imports a clean file for real and reports what it did", async () => {
    const upload = vi.fn(async () => ({ rows: 3, errors: [] }));
    const { choose, onDone } = renderImport(upload);
    choose("good.xlsx");
    expect(await screen.findByText("检查通过：3 行")).toBeTruthy();
    const button = screen.getByRole("button", { name: /确认导入/, hidden: true });
    // antd ignores a click while the button still shows the check's spinner.
    await waitFor(() => expect(button.className).not.toContain("ant-btn-loading"));
    fireEvent.click(button);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(upload).toHaveBeenLastCalledWith(expect.any(File), false);
    expect(await screen.findByText("已导入 3 行")).toBeTruthy();
  });
});
