import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// antd reads these at import or first render; happy-dom leaves them out.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) satisfies MediaQueryList;
}

// No layout here: every observed element counts as on screen, so lazily shown parts (WhenVisible) render.
class VisibleAtOnce {
  private readonly callback: IntersectionObserverCallback;
  constructor(callback: IntersectionObserverCallback) {
    this.callback = callback;
  }
  observe(target: Element) {
    const entry = { isIntersecting: true, target } as unknown as IntersectionObserverEntry;
    queueMicrotask(() => this.callback([entry], this as unknown as IntersectionObserver));
  }
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
window.IntersectionObserver = VisibleAtOnce as unknown as typeof IntersectionObserver;
globalThis.IntersectionObserver = window.IntersectionObserver;

// Two cores shared with other work: give a page's first answer time to arrive.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});
