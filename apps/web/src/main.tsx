import { App, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppRouter } from "./app.tsx";
import { QueryProvider } from "./shared/query-client.tsx";

dayjs.locale("zh-cn");

const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

const rootElement = document.getElementById("root");
if (!rootElement) {
  throw new Error("index.html has no #root element");
}

createRoot(rootElement).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      // Exact button texts ("登录", not "登 录") for users and browser tests alike.
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: "#1560d4", borderRadius: 6, fontFamily: FONT_FAMILY } }}
    >
      <App>
        <QueryProvider>
          <AppRouter />
        </QueryProvider>
      </App>
    </ConfigProvider>
  </StrictMode>,
);
