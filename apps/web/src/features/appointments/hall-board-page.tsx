import { Typography } from "antd";
import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { type BoardEvent, publicBookingApi, subscribeBoard } from "./appointments-api.ts";

/**
 * 叫号屏 for the hall's screen: no login, numbers only (never names). The server pushes a fresh
 * snapshot over Server-Sent Events on every call; the browser reconnects by itself if it drops.
 */
export function HallBoardPage() {
  const { id = "" } = useParams();
  const [board, setBoard] = useState<BoardEvent | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    publicBookingApi.board(id).then(setBoard, () => setError("大厅不存在或暂时无法连接"));
    return subscribeBoard(id, setBoard);
  }, [id]);

  const latest = board?.calling[0];
  return (
    <div style={{ minHeight: "100vh", background: "#0b3d91", color: "#fff", padding: 32 }}>
      <Typography.Title level={2} style={{ color: "#fff", marginTop: 0 }}>
        {board?.hallName ?? "叫号屏"}
      </Typography.Title>
      {error && <Typography.Text style={{ color: "#ffd666" }}>{error}</Typography.Text>}
      <div role="status" aria-label="当前叫号" style={{ fontSize: 64, fontWeight: 700, margin: "24px 0" }}>
        {latest ? `请 ${latest.number} 号到 ${latest.windowName}` : "暂无叫号"}
      </div>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))", gap: 16 }}>
        {board?.calling.slice(1).map((c) => (
          <div
            key={`${c.number}-${c.calledAt}`}
            style={{ background: "rgba(255,255,255,0.12)", padding: 16, fontSize: 28 }}
          >
            {c.number} → {c.windowName}
          </div>
        ))}
      </div>
      <div style={{ marginTop: 32, fontSize: 22 }}>
        {board?.waiting.map((w) => (
          <span key={w.prefix} style={{ marginRight: 32 }}>
            {w.prefix} {w.groupName}：等候 {w.count} 人
          </span>
        ))}
      </div>
    </div>
  );
}
