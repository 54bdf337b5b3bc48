import { defineConfig } from "vite";

const API_TARGET = "http://localhost:8080";

export default defineConfig({
  root: "apps/web",
  base: "/",
  // Vite 8 transforms TSX with oxc; the automatic runtime matches tsconfig's "jsx": "react-jsx".
  oxc: { jsx: { runtime: "automatic" } },
  server: {
    // Trailing slashes matter: a bare "/api" prefix would also swallow the page route /api-keys.
    proxy: {
      "/api/": API_TARGET,
      "/healthz": API_TARGET,
      "/open311/": API_TARGET,
    },
  },
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    // antd alone is ~1 MB unminified; split vendors so pages stay small and cache well.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // antd marks its modules "use client"; meaningless in a client-only bundle, so don't warn per file.
      checks: { moduleLevelDirective: false },
      output: {
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
            { name: "antd", test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion)[\\/]/ },
            // Charts load with the first page that draws one, not with the sign-in screen.
            { name: "echarts", test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: "vendor", test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
