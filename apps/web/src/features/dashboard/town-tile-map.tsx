import { Link } from "react-router-dom";
import type { Cockpit } from "../../../../../packages/contracts/src/cockpit.ts";
import { cockpitLinks } from "./cockpit-links.ts";

type Town = NonNullable<Cockpit["towns"]>["items"][number];

/** Overdue share bands, lowest first: the tile's colour and the legend read from the same list. */
export const SHARE_BANDS = [
  { below: 0.000001, label: "0", color: "#1d6b4f" },
  { below: 0.02, label: "< 2%", color: "#4d8f3a" },
  { below: 0.05, label: "2%–5%", color: "#b08a1e" },
  { below: 0.1, label: "5%–10%", color: "#c0632a" },
  { below: Number.POSITIVE_INFINITY, label: "≥ 10%", color: "#b3262d" },
] as const;
const NO_OPEN = "#3a3f4b";

export function bandColor(share: number | null): string {
  if (share === null) {
    return NO_OPEN;
  }
  return SHARE_BANDS.find((b) => share < b.below)?.color ?? NO_OPEN;
}

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

/**
 * The towns and streets as equal tiles in the org tree's order: no boundary data ships with a
 * maintained package, so this is a schematic, labelled as such, not a map of where they lie.
 */
export function TownTileMap({ towns }: { towns: Town[] }) {
  const columns = Math.max(1, Math.ceil(Math.sqrt(towns.length * 1.6)));
  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100%", minHeight: 0, gap: "0.8vh" }}>
      <nav
        aria-label="镇街超期占比示意图"
        style={{
          flex: 1,
          minHeight: 0,
          display: "grid",
          gridTemplateColumns: `repeat(${columns}, 1fr)`,
          gridAutoRows: "1fr",
          gap: "0.6vh",
        }}
      >
        {towns.map((t) => (
          <Link
            key={t.id}
            to={cockpitLinks.townOverdue(t.id)}
            aria-label={`${t.name}：在办 ${t.open} 件，超期 ${t.overdue} 件，超期占比 ${pct(t.overdueShare)}，查看超期工单`}
            title={`${t.name}：在办 ${t.open}，超期 ${t.overdue}（${pct(t.overdueShare)}）`}
            style={{
              background: bandColor(t.overdueShare),
              color: "#fff",
              borderRadius: 4,
              padding: "0.4vh 0.5vw",
              display: "flex",
              flexDirection: "column",
              justifyContent: "center",
              alignItems: "center",
              minHeight: 0,
              overflow: "hidden",
              textAlign: "center",
              lineHeight: 1.25,
            }}
          >
            <span style={{ fontSize: "clamp(11px, 1.45vh, 18px)", fontWeight: 600 }}>{t.name}</span>
            <span style={{ fontSize: "clamp(10px, 1.25vh, 15px)", opacity: 0.9 }}>
              超期 {t.overdue}/{t.open} · {pct(t.overdueShare)}
            </span>
          </Link>
        ))}
      </nav>
      <div style={{ display: "flex", flexWrap: "wrap", gap: "0.4vw", fontSize: "clamp(10px, 1.2vh, 14px)" }}>
        <span style={{ opacity: 0.75 }}>超期占比 = 超期 ÷ 在办：</span>
        {SHARE_BANDS.map((b) => (
          <span key={b.label} style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
            <i style={{ width: 12, height: 12, background: b.color, display: "inline-block", borderRadius: 2 }} />
            {b.label}
          </span>
        ))}
        <span style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
          <i style={{ width: 12, height: 12, background: NO_OPEN, display: "inline-block", borderRadius: 2 }} />
          无在办
        </span>
      </div>
    </div>
  );
}
