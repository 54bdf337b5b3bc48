import type { KeyObject } from "node:crypto";
import { systemClock } from "../../platform/clock.ts";
import type { Config } from "../../platform/config.ts";
import type { Db } from "../../platform/db/client.ts";
import { writeAuditCheckpoint } from "./audit-anchor.service.ts";
import { checkKeyPair, loadPrivateKey, parsePublicKey } from "./audit-anchor.ts";

const CHECKPOINT_EVERY_MS = 60 * 60_000;

/** The signing key of the configuration, checked against the configured public key; none when unset. */
export function configuredSigningKey(audit: Config["audit"]): KeyObject | undefined {
  if (!audit.keyFile) {
    return undefined;
  }
  const key = loadPrivateKey(audit.keyFile);
  checkKeyPair(key, audit.publicKey ? parsePublicKey(audit.publicKey) : undefined);
  return key;
}

/**
 * Hourly checkpoints while the server runs, and one at shutdown, when a signing key is configured.
 * None at start: a start after the database was changed while stopped would vouch for the change.
 */
export function scheduleAuditCheckpoints(
  db: Db,
  audit: Config["audit"],
  say: (line: string) => void,
): { final(): Promise<void> } {
  const privateKey = configuredSigningKey(audit);
  if (!privateKey) {
    return { final: async () => {} };
  }
  const run = () =>
    writeAuditCheckpoint(db, { privateKey, clock: systemClock, anchorFile: audit.anchorFile, log: say })
      .then(() => undefined)
      .catch((err: unknown) => say(`审计锚点写入失败：${err instanceof Error ? err.message : String(err)}`));
  const timer = setInterval(run, CHECKPOINT_EVERY_MS);
  timer.unref();
  return {
    final: async () => {
      clearInterval(timer);
      await run();
    },
  };
}
