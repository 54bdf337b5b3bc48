import { defineConfig } from "vitest/config";

export default defineConfig({
  // The web's TSX is compiled as the app build compiles it (automatic JSX runtime).
  oxc: { jsx: { runtime: "automatic" } },
  test: {
    env: { TZ: "UTC" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "server",
          // Plain .ts tests of the web (labels, formats) need no DOM and run here, as before.
          include: ["apps/**/*.test.ts", "packages/**/*.test.ts"],
          globalSetup: ["apps/server/test/global-setup.ts"],
        },
      },
      {
        // Component tests: a DOM without a browser, no database (TZ=UTC above, so Beijing-time display is tested).
        extends: true,
        test: {
          name: "web",
          include: ["apps/web/**/*.test.tsx"],
          environment: "happy-dom",
          // One module graph for all component tests: antd is imported once, not once per file (each
          // test renders with a fresh query client and stubs its own fetch).
          isolate: false,
          setupFiles: ["apps/web/test/setup.ts"],
        },
      },
    ],
  },
});
