import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/**
 * PGlite takes no lock on its data folder and two processes opening it lose writes silently,
 * so one process at a time holds `<dataDir>.lock` (with its pid).
 */
export function acquireDataDirLock(dataDir: string, purpose: string): () => void {
  const lockPath = `${dataDir}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, `${process.pid}\n${purpose}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (!released) {
          released = true;
          rmSync(lockPath, { force: true });
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") {
        throw err;
      }
      const [pidText, holder] = readFileSync(lockPath, "utf8").split("\n");
      const pid = Number(pidText);
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `数据目录 ${dataDir} 正被进程 ${pid}（${holder ?? "未知"}）使用。嵌入式数据库同一时间只能由一个进程打开：` +
            "请先停止该进程（例如正在运行的 npm start），或设置 DATABASE_URL 使用 PostgreSQL 服务器。",
        );
      }
      rmSync(lockPath, { force: true }); // stale lock of a process that died
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
