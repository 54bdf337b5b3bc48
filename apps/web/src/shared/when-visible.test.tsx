import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WhenVisible } from "./when-visible.tsx";

type Callback = (entries: Array<{ isIntersecting: boolean }>) => void;

describe("WhenVisible", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("keeps its children out until their place scrolls into view, then renders them", () => {
    let notify: Callback = () => undefined;
    vi.stubGlobal(
      "IntersectionObserver",
      class {
        constructor(cb: Callback) {
          notify = cb;
        }
        observe() {}
        disconnect() {}
      },
    );
    render(
      <WhenVisible minHeight={300} label="图表">
        <p>图表内容</p>
      </WhenVisible>,
    );
    expect(screen.queryByText("图表内容")).toBeNull();
    expect(screen.getByLabelText("图表").getAttribute("style")).toContain("300");
    act(() => notify([{ isIntersecting: false }]));
    expect(screen.queryByText("图表内容")).toBeNull();
    act(() => notify([{ isIntersecting: true }]));
    expect(screen.getByText("图表内容")).toBeTruthy();
  });

  it("does not watch its place while what stands above it is loading", () => {
    const observed: unknown[] = [];
    vi.stubGlobal(
      "IntersectionObserver",
      class {
        observe(el: unknown) {
          observed.push(el);
        }
        disconnect() {}
      },
    );
    const { rerender } = render(
      <WhenVisible minHeight={300} label="图表" ready={false}>
        <p>图表内容</p>
      </WhenVisible>,
    );
    expect(observed).toHaveLength(0);
    rerender(
      <WhenVisible minHeight={300} label="图表" ready>
        <p>图表内容</p>
      </WhenVisible>,
    );
    expect(observed).toHaveLength(1);
  });
});
