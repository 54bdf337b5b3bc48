import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    env: { TZ: "UTC" },
    testTimeout: 120_000,
    hookTimeout: 420_000,
    fileParallelism: false,
  },
});
