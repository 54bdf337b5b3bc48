import { ArrowLeftOutlined, FullscreenOutlined, RiseOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, ConfigProvider, Empty, Spin, theme } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import type { Cockpit } from "../../../../../packages/contracts/src/cockpit.ts";
import { formatPattern } from "../../shared/format.ts";
import { ForbiddenResult } from "../../shared/results.tsx";
import { useMe } from "../auth/session.tsx";
import { cockpitLinks, risingLink } from "./cockpit-links.ts";
import { cockpitTiles, DARK, StatTile } from "./cockpit-tiles.tsx";
import { dashboardApi, dashboardKeys } from "./dashboard-api.ts";
import { TownTileMap } from "./town-tile-map.tsx";

/** Until the first answer says how long the server keeps its figures. */
const DEFAULT_REFRESH_SECONDS = 30;

function Panel({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <section
      style={{
        background: DARK.panel,
        border: `1px solid ${DARK.border}`,
        borderRadius: 6,
        padding: "1.2vh 1vw",
        display: "flex",
        flexDirection: "column",
        minHeight: 0,
        overflow: "hidden",
      }}
    >
      <header style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: 8 }}>
        <h2 style={{ margin: 0, fontSize: "clamp(13px, 1.9vh, 24px)", color: "#fff", fontWeight: 600 }}>{title}</h2>
        {extra}
      </header>
      <div style={{ flex: 1, minHeight: 0, marginTop: "1vh" }}>{children}</div>
    </section>
  );
}

function RisingPanel({ appeals }: { appeals: NonNullable<Cockpit["appeals"]> }) {
  return (
    <Panel
      title={
        <>
          <RiseOutlined /> 本周上升话题
        </>
      }
      extra={
        <Link to={cockpitLinks.appeals(appeals.weekStart)} style={{ color: DARK.accent, whiteSpace: "nowrap" }}>
          诉求分析 ›
        </Link>
      }
    >
      <div style={{ display: "flex", flexDirection: "column", height: "100%", gap: "0.6vh" }}>
        {appeals.rising.length === 0 ? (
          <span style={{ color: DARK.muted }}>本周（{appeals.weekStart} 起）暂无显著上升的话题</span>
        ) : (
          <ol style={{ margin: 0, paddingLeft: "1.4em", color: "#fff", fontSize: "clamp(12px, 1.7vh, 22px)" }}>
            {appeals.rising.map((r) => (
              <li key={`${r.kind}:${r.key}`} style={{ lineHeight: 1.6 }}>
                <Link to={risingLink(r, appeals.weekStart)} style={{ color: "#fff" }}>
                  {r.label}
                  <span style={{ color: DARK.muted }}>（{r.kind === "category" ? "类别" : "主题词"}）</span>
                </Link>
                <span style={{ float: "right", color: DARK.alert, fontVariantNumeric: "tabular-nums" }}>
                  {r.count} 件
                </span>
              </li>
            ))}
          </ol>
        )}
        <p style={{ margin: "auto 0 0", color: DARK.muted, fontSize: "clamp(10px, 1.2vh, 14px)" }}>{appeals.method}</p>
      </div>
    </Panel>
  );
}

function CockpitBody({ data }: { data: Cockpit }) {
  const tiles = cockpitTiles(data);
  const side = data.towns !== null || data.appeals !== null;
  return (
    <main
      style={{
        flex: 1,
        minHeight: 0,
        display: "grid",
        gridTemplateColumns: side ? "minmax(0, 1.45fr) minmax(0, 1fr)" : "minmax(0, 1fr)",
        gap: "1.2vh",
      }}
    >
      <div
        style={{
          display: "grid",
          // Four across, in as many rows as the reader's tiles need (three with every module).
          gridTemplateColumns: `repeat(${Math.min(4, Math.max(1, tiles.length))}, minmax(0, 1fr))`,
          gridAutoRows: "minmax(0, 1fr)",
          gap: "1.2vh",
          minHeight: 0,
        }}
      >
        {tiles.map((t) => (
          <StatTile key={t.key} tile={t} />
        ))}
      </div>
      {side && (
        <div
          style={{ display: "grid", gridTemplateRows: "minmax(0, 1.5fr) minmax(0, 1fr)", gap: "1.2vh", minHeight: 0 }}
        >
          {data.towns && (
            <Panel title="镇街在办工单超期占比（示意图，非地理边界）">
              {data.towns.items.length > 0 ? (
                <TownTileMap towns={data.towns.items} />
              ) : (
                <Empty description="组织机构中没有镇街" />
              )}
            </Panel>
          )}
          {data.appeals && <RisingPanel appeals={data.appeals} />}
        </div>
      )}
    </main>
  );
}

/**
 * 领导驾驶舱: the district at a glance on a big screen (dark, no side menu, no scrolling at 1920×1080
 * or 1440×900), polled as often as the server recomputes its figures; every tile opens its list.
 */
export function CockpitPage() {
  const me = useMe();
  const allowed = me.menu.includes("cockpit");
  const { data, isError, dataUpdatedAt } = useQuery({
    queryKey: dashboardKeys.cockpit(),
    queryFn: ({ signal }) => dashboardApi.cockpit(signal),
    enabled: allowed,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.maxAgeSeconds ?? DEFAULT_REFRESH_SECONDS) * 1000,
    // A wall screen is often not the focused window; it must keep refreshing anyway.
    refetchIntervalInBackground: true,
  });
  if (!allowed) {
    return <ForbiddenResult />;
  }
  const fullScreen = () => void document.documentElement.requestFullscreen?.().catch(() => undefined);
  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      <div
        style={{
          height: "100vh",
          overflow: "hidden",
          boxSizing: "border-box",
          padding: "1.5vh 1.2vw",
          display: "flex",
          flexDirection: "column",
          gap: "1.2vh",
          color: "#fff",
          background: "radial-gradient(ellipse at top, #0f2a55 0%, #071428 70%)",
        }}
      >
        <header style={{ display: "flex", alignItems: "center", justifyContent: "space-between", gap: 16 }}>
          <Link to="/">
            <Button icon={<ArrowLeftOutlined />} aria-label="返回工作台">
              返回
            </Button>
          </Link>
          <h1 style={{ margin: 0, fontSize: "clamp(20px, 3.4vh, 44px)", letterSpacing: 4, textAlign: "center" }}>
            {me.tenant.name}一网统管 · 领导驾驶舱
          </h1>
          <div style={{ display: "flex", alignItems: "center", gap: 12 }}>
            <span style={{ color: DARK.muted, fontSize: "clamp(11px, 1.5vh, 18px)", textAlign: "right" }}>
              {data
                ? `${data.today} · 数据时间 ${formatPattern(data.computedAt, "HH:mm:ss")} · 每 ${data.maxAgeSeconds} 秒刷新`
                : "正在读取…"}
              {isError && dataUpdatedAt > 0 && <span style={{ color: DARK.alert }}> · 刷新失败，显示上次数据</span>}
            </span>
            <Button icon={<FullscreenOutlined />} onClick={fullScreen} aria-label="全屏" />
          </div>
        </header>
        {data ? (
          <CockpitBody data={data} />
        ) : (
          <div style={{ flex: 1, display: "flex", alignItems: "center", justifyContent: "center" }}>
            {isError ? <span style={{ color: DARK.alert }}>无法读取驾驶舱数据</span> : <Spin size="large" />}
          </div>
        )}
      </div>
    </ConfigProvider>
  );
}
