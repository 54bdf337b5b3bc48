import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { buildHall, movableClock, seatClerk, type TestHall } from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";

const clock = movableClock("2025-03-03T09:00:00+08:00");
const h = setUpHarness({ clock });
let hall: TestHall;
let staff: TestUser;
let base: string;

beforeAll(async () => {
  hall = await buildHall(h.database.db, h.tenant.id, h.tenant.units.a1.id, clock, { workdays: 1 });
  staff = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["hall_staff"]);
  await seatClerk(h.database.db, hall.groups[0]?.windows[0] ?? "", staff.id);
  // A real socket: the stream is hijacked from Fastify, which app.inject does not follow. The
  // harness closes the app (and this listener) after the file.
  await h.built.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(h.built.app.server.address() as AddressInfo).port}`;
});

/** Reads Server-Sent Events from a stream until `n` board events have arrived. */
async function readBoards(reader: ReadableStreamDefaultReader<Uint8Array>, n: number) {
  const decoder = new TextDecoder();
  const boards: { waiting: { prefix: string; count: number }[]; calling: { number: string }[] }[] = [];
  let buf = "";
  while (boards.length < n) {
    const { value, done } = await reader.read();
    if (done) {
      break;
    }
    buf += decoder.decode(value, { stream: true });
    for (let i = buf.indexOf("\n\n"); i >= 0; i = buf.indexOf("\n\n")) {
      const frame = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const data = frame.split("\n").find((l) => l.startsWith("data: "));
      if (frame.includes("event: board") && data) {
        boards.push(JSON.parse(data.slice(6)));
      }
    }
  }
  return boards;
}

describe("hall board stream", () => {
  it("sends a snapshot on connect and a new one when the queue changes, without polling", async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${base}/api/public/halls/${hall.id}/board/events`, { signal: ctrl.signal });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body?.getReader();
    if (!reader) {
      throw new Error("no body");
    }
    const [first] = await readBoards(reader, 1);
    expect(first?.waiting.find((w) => w.prefix === "A")?.count).toBe(0);
    await h.built.app.inject({
      method: "POST",
      url: `/api/halls/${hall.id}/check-ins`,
      headers: authHeaders(staff),
      payload: { kind: "walk_in", groupId: hall.groups[0]?.id, itemCode: "I-A1" },
    });
    const [second] = await readBoards(reader, 1);
    expect(second?.waiting.find((w) => w.prefix === "A")?.count).toBe(1);
    await h.built.app.inject({
      method: "POST",
      url: `/api/hall-windows/${hall.groups[0]?.windows[0]}/actions`,
      headers: authHeaders(staff),
      payload: { action: "call_next" },
    });
    const [third] = await readBoards(reader, 1);
    expect(third?.calling[0]?.number).toBe("A001");
    ctrl.abort();
  });

  it("answers 404 with the usual error body for an unknown hall", async () => {
    const res = await fetch(`${base}/api/public/halls/00000000-0000-4000-8000-000000000000/board/events`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });
});
