import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { WO_ACTIONS } from "../../../../../packages/contracts/src/work-orders.ts";
import { ACTION_LABELS } from "./audit-labels.ts";
import { describeSummary, summaryText } from "./audit-summary.ts";

const SERVER_SRC = fileURLToPath(new URL("../../../../server/src/", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      return sourceFiles(path);
    }
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every action code the server's sources can write to the audit log. */
function serverActionCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(SERVER_SRC)) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("recordAudit(")) {
      continue;
    }
    for (const m of text.matchAll(/\baction: ([^\n]+)/g)) {
      const expr = m[1] ?? "";
      for (const lit of expr.matchAll(/"([a-z_]+(?:\.[a-z_]+)+)"/g)) {
        codes.add(lit[1] ?? "");
      }
      const template = /`([a-z_.]+)\$\{([^}]+)\}`/.exec(expr);
      if (!template) {
        continue;
      }
      const [, prefix = "", variable = ""] = template;
      if (prefix === "work_order." && variable === "input.action") {
        for (const a of WO_ACTIONS) {
          codes.add(`work_order.${a}`);
        }
      } else if (prefix === "queue." && variable === "action") {
        // queue.service.ts records through a local helper: audit("call", t, …).
        for (const call of text.matchAll(/\baudit\("([a-z_]+)"/g)) {
          codes.add(`queue.${call[1] ?? ""}`);
        }
      } else {
        codes.add(`unexpanded template ${prefix}\${${variable}} in ${file}`);
      }
    }
  }
  return [...codes].sort();
}

describe("audit labels", () => {
  it("has a Chinese label for every action code the server writes", () => {
    const codes = serverActionCodes();
    expect(codes.length).toBeGreaterThan(60);
    expect(codes).toContain("work_order.supervise");
    expect(codes).toContain("queue.call");
    const unlabelled = codes.filter((c) => !ACTION_LABELS[c] || !/[\u4e00-\u9fff]/.test(ACTION_LABELS[c] ?? ""));
    expect(unlabelled).toEqual([]);
  });

  it("describes a supervision change in Chinese, not as raw JSON", () => {
    expect(summaryText("work_order.supervise", { from: 0, to: 3 })).toBe("督办级别：0 → 3");
    expect(summaryText("work_order.dispatch", { from: "received", to: "dispatched" })).toBe("状态：待派单 → 待签收");
    expect(summaryText("org.unit.rename", { name: { from: "甲科", to: "乙科" } })).toBe("名称：甲科 → 乙科");
    expect(summaryText("user.grant.add", { role: "hall_staff", orgUnit: "政务服务中心" })).toBe(
      "角色：窗口人员；机构：政务服务中心",
    );
    expect(summaryText("queue.transfer", { number: "A001", window: "1号窗口", to: "2号窗口" })).toBe(
      "号码：A001；窗口：1号窗口；转至：2号窗口",
    );
  });

  it("shows instants in Asia/Shanghai", () => {
    const lines = describeSummary("booking.reschedule", {
      code: "X1",
      from: "2022-01-01T05:01:00.000Z",
      to: "2022-01-02T01:00:00.000Z",
    });
    expect(lines[0]).toEqual({ key: "from→to", label: "预约时段", text: "2022-01-01 13:01:00 → 2022-01-02 09:00:00" });
  });
});
