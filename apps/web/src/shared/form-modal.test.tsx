import { useQuery } from "@tanstack/react-query";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { Form, Input } from "antd";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { mockApi, renderPage } from "../../test/render.tsx";
import { api } from "../api/client.ts";
import { FormModal } from "./form-modal.tsx";

const Saved = z.object({ id: z.string(), name: z.string() });
type Values = { name: string };

/** A list that counts its loads, beside the dialog that changes it. */
function Harness({ onDone }: { onDone: () => void }) {
  const list = useQuery({
    queryKey: ["things"],
    queryFn: ({ signal }) => api.get("/api/things", z.array(Saved), undefined, signal),
  });
  return (
    <>
      <output data-testid="count">{list.data?.length ?? "—"}</output>
      <FormModal<Values, z.infer<typeof Saved>>
        title="新增"
        open
        onClose={vi.fn()}
        submit={(v) => api.post("/api/things", Saved, v)}
        success={(s) => `已新增「${s.name}」`}
        invalidates={[["things"]]}
        onDone={onDone}
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, message: "请输入名称" }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}

describe("FormModal", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("checks the fields first and sends nothing while one is invalid", async () => {
    const calls = mockApi({ "GET /api/things": () => [] });
    renderPage(<Harness onDone={vi.fn()} />);
    fireEvent.click(screen.getByRole("button", { name: "确定" }));
    expect(await screen.findByText("请输入名称")).toBeTruthy();
    expect(calls.filter((c) => c.call.startsWith("POST"))).toEqual([]);
  });

  it("puts the server's field issues on their fields", async () => {
    mockApi({
      "GET /api/things": () => [],
      "POST /api/things": () => ({
        status: 409,
        body: {
          error: {
            code: "conflict",
            message: "冲突",
            details: [{ path: "name", message: "名称已被占用" }],
            requestId: "t",
          },
        },
      }),
    });
    const onDone = vi.fn();
    renderPage(<Harness onDone={onDone} />);
    fireEvent.change(screen.getByRole("textbox", { name: "名称" }), { target: { value: "甲" } });
    fireEvent.click(screen.getByRole("button", { name: "确定" }));
    expect(await screen.findByText("名称已被占用")).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });

  it("after a success refetches the lists it names and hands back the answer", async () => {
    const things: { id: string; name: string }[] = [];
    mockApi({
      "GET /api/things": () => things,
      "POST /api/things": (_url, body) => {
        const saved = { id: String(things.length + 1), name: Saved.pick({ name: true }).parse(body).name };
        things.push(saved);
        return saved;
      },
    });
    const onDone = vi.fn();
    renderPage(<Harness onDone={onDone} />);
    await waitFor(() => expect(screen.getByTestId("count").textContent).toBe("0"));
    fireEvent.change(screen.getByRole("textbox", { name: "名称" }), { target: { value: "甲" } });
    fireEvent.click(screen.getByRole("button", { name: "确定" }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ id: "1", name: "甲" }, { name: "甲" }));
    expect(await screen.findByText("已新增「甲」")).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId("count").textContent).toBe("1"));
  });
});
