import { sql } from "drizzle-orm";
import { openPostgres } from "../apps/server/src/platform/db/client.ts";
import { queryRows } from "../apps/server/src/platform/db/rows.ts";
import { createBenchDatabase, loadTicket, prepareTenant, type Server, startServer } from "./support.ts";

const PORT = 18_091;

/**
 * kill -9 of the server in the middle of an intake load whose clients retry until acknowledged;
 * afterwards every acknowledged ticket must exist exactly once.
 */
export async function benchCrash(): Promise<string> {
  const db = createBenchDatabase("zhengwu_bench_crash");
  try {
    const env = { DATABASE_URL: db.url, LOG_LEVEL: "warn" };
    const key = prepareTenant(env);
    let server: Server = await startServer(env, PORT);
    const acknowledged = new Set<string>();
    let retries = 0;
    const stopAt = performance.now() + 12_000;
    const client = async () => {
      while (performance.now() < stopAt) {
        const ticket = loadTicket("C");
        for (;;) {
          try {
            const res = await fetch(`http://127.0.0.1:${PORT}/api/intake/city-tickets`, {
              method: "POST",
              headers: { "content-type": "application/json", "x-api-key": key },
              body: JSON.stringify(ticket),
            });
            await res.arrayBuffer();
            if (res.status === 200 || res.status === 201) {
              acknowledged.add(ticket.cityTicketNo);
              break;
            }
          } catch {
            // connection refused or reset while the server is down: retry the same message
          }
          retries += 1;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const clients = Promise.all(Array.from({ length: 16 }, client));
    await new Promise((r) => setTimeout(r, 4000));
    server.kill9();
    await new Promise((r) => setTimeout(r, 1500));
    server = await startServer(env, PORT);
    await clients;
    await server.stop();
    const database = await openPostgres(db.url, 1);
    const rows = await queryRows<{ external_no: string; n: number }>(
      database.db,
      sql`select external_no, count(*)::int as n from work_orders where external_no like 'C%' group by 1`,
    );
    await database.close();
    const counts = new Map(rows.map((r) => [String(r.external_no), Number(r.n)]));
    const missing = [...acknowledged].filter((no) => counts.get(no) !== 1);
    const doubled = [...counts.values()].filter((n) => n > 1).length;
    if (missing.length > 0 || doubled > 0) {
      throw new Error(`crash test failed: ${missing.length} acknowledged tickets missing, ${doubled} doubled`);
    }
    return `## Crash during intake (kill -9, PostgreSQL)

16 clients sent tickets for 12 s, retrying each message until acknowledged; the server was killed
with SIGKILL after 4 s and restarted 1.5 s later.

| measure | result |
| --- | --- |
| acknowledged tickets | ${acknowledged.size} |
| acknowledged tickets in the database exactly once | ${acknowledged.size - missing.length} of ${acknowledged.size} |
| tickets stored twice | ${doubled} |
| client retries (refused/reset connections) | ${retries} |
`;
  } finally {
    db.drop();
  }
}
