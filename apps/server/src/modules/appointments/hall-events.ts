import { EventEmitter } from "node:events";
import pg from "pg";

/**
 * Signal "this hall's queue changed", sent after the change committed; the board's Server-Sent
 * Events streams listen to it. In one process (the embedded database) an in-process emitter
 * carries it. On a PostgreSQL server several processes may serve one district, so the signal goes
 * through LISTEN/NOTIFY and every process (the sender too) hands it to its own screens.
 */
const bus = new EventEmitter();
bus.setMaxListeners(0);

const CHANNEL = "zw_hall_changed";
const RECONNECT_MS = 1000;

let relay: pg.Client | null = null;

export function notifyHall(hallId: string): void {
  const client = relay;
  if (!client) {
    bus.emit(hallId);
    return;
  }
  client.query("select pg_notify($1, $2)", [CHANNEL, hallId]).catch(() => {
    // The relay just dropped: this process's screens still hear it; the others refresh on reconnect.
    bus.emit(hallId);
  });
}

/** Calls `listener` on each change of the hall; returns the unsubscribe function. */
export function onHallChange(hallId: string, listener: () => void): () => void {
  bus.on(hallId, listener);
  return () => {
    bus.off(hallId, listener);
  };
}

/**
 * Relays hall changes through PostgreSQL (one dedicated connection that both listens and
 * notifies), reconnecting when the connection drops. Returns the stop function.
 */
export async function startHallRelay(url: string, say: (message: string) => void): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | null = null;
  const reconnect = (client: pg.Client) => {
    if (stopped || current !== client) {
      return;
    }
    current = null;
    if (relay === client) {
      relay = null;
    }
    say("大厅实时推送连接中断，正在重连…");
    client.end().catch(() => {});
    setTimeout(() => void connect(), RECONNECT_MS).unref();
  };
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url, application_name: "zhengwu-hall-relay" });
    current = client;
    client.on("notification", (n) => {
      if (n.channel === CHANNEL && n.payload) {
        bus.emit(n.payload);
      }
    });
    client.on("error", () => reconnect(client));
    client.on("end", () => reconnect(client));
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
    } catch {
      reconnect(client);
      return;
    }
    if (current === client) {
      relay = client;
    }
  };
  await connect();
  return async () => {
    stopped = true;
    const client = current;
    relay = null;
    current = null;
    await client?.end();
  };
}
