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

// Two cores shared with other work: give a page's first answer time to arrive.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});
