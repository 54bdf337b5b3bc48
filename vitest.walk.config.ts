import { defineConfig } from "vitest/config";

/** The every-page, every-role walk on the demo year (`npm run test:walk`). */
export default defineConfig({
  test: {
    include: ["e2e/**/*.walk.ts"],
    env: { TZ: "UTC" },
    testTimeout: 300_000,
    hookTimeout: 960_000,
    fileParallelism: false,
  },
});
