import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPglite } from "./client.ts";

/*
 * A chain of awaited statements on the embedded engine must let other work of the process in
 * between its statements: the cockpit's background recomputation otherwise held every request
 * arriving meanwhile for its whole chain (seconds), even requests served from its cache.
 */
describe("PGlite releases the event loop between statements", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openPglite(undefined);
  });
  afterAll(async () => {
    await database.close();
  });

  it("a timer due during a chain of statements fires before the chain ends", async () => {
    let statementsBeforeTimer = -1;
    let done = 0;
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        statementsBeforeTimer = done;
        resolve();
      }, 0),
    );
    const chain = (async () => {
      for (let i = 0; i < 30; i++) {
        await database.executeSql("select count(*) from generate_series(1, 20000) g where g % 7 = $1", [i % 7]);
        done++;
      }
    })();
    await Promise.all([timer, chain]);
    expect(done).toBe(30);
    expect(statementsBeforeTimer).toBeGreaterThanOrEqual(0);
    expect(statementsBeforeTimer).toBeLessThan(5);
  });
});
