import type { KeyObject } from "node:crypto";
import { systemClock } from "../../platform/clock.ts";
import type { Config } from "../../platform/config.ts";
import type { Db } from "../../platform/db/client.ts";
import { writeAuditCheckpoint } from "./audit-anchor.service.ts";
import { checkKeyPair, loadPrivateKey, parsePublicKey } from "./audit-anchor.ts";

/** The signing key of the configuration, checked against the configured public key; none when unset. */
export function configuredSigningKey(audit: Config["audit"]): KeyObject | undefined {
  if (!audit.keyFile) {
    return undefined;
  }
  const key = loadPrivateKey(audit.keyFile);
  checkKeyPair(key, audit.publicKey ? parsePublicKey(audit.publicKey) : undefined);
  return key;
}

/** Signs every chain's head now; the number of anchors written. */
export type CheckpointRun = (db: Db, say: (line: string) => void) => Promise<number>;

/**
 * The hourly checkpoint, run by the periodic job queue (once across processes), when a signing key
 * is configured; none otherwise. The key is loaded and checked against the public key at once.
 */
export function auditCheckpointRun(audit: Config["audit"]): CheckpointRun | null {
  const privateKey = configuredSigningKey(audit);
  if (!privateKey) {
    return null;
  }
  return async (db, say) => {
    const anchors = await writeAuditCheckpoint(db, {
      privateKey,
      clock: systemClock,
      anchorFile: audit.anchorFile,
      log: say,
    });
    return anchors.length;
  };
}

/**
 * The checkpoint at shutdown, when a signing key is configured (the hourly ones are the periodic
 * job's). None at start: a start after the database was changed while stopped would vouch for the change.
 */
export function scheduleAuditCheckpoints(
  db: Db,
  audit: Config["audit"],
  say: (line: string) => void,
): { final(): Promise<void> } {
  const run = auditCheckpointRun(audit);
  if (!run) {
    return { final: async () => {} };
  }
  return {
    final: async () => {
      await run(db, say).catch((err: unknown) =>
        say(`审计锚点写入失败：${err instanceof Error ? err.message : String(err)}`),
      );
    },
  };
}
