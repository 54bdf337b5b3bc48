import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem, type } from "node:os";
import { benchAppointments } from "./appointments.bench.ts";
import { benchBriefing } from "./briefing.bench.ts";
import { benchCatalog } from "./catalog.bench.ts";
import { benchCockpit } from "./cockpit.bench.ts";
import { benchCrash } from "./crash.bench.ts";
import { benchDataService } from "./data-service.bench.ts";
import { benchDemo } from "./demo.bench.ts";
import { benchExchange } from "./exchange.bench.ts";
import { benchExport } from "./export.bench.ts";
import { benchDemoCrash, benchFirstStart, LOAD_PHASES } from "./first-start.bench.ts";
import { benchHallStats } from "./hall-stats.bench.ts";
import { benchIngest } from "./ingest.bench.ts";
import { benchIntake } from "./intake.bench.ts";
import { benchMetrics } from "./metrics.bench.ts";
import { benchReport } from "./report.bench.ts";
import { benchReportCheck } from "./report-check.bench.ts";
import { benchStartup } from "./startup.bench.ts";

// `npm run bench [-- name…]` runs the named benchmarks (all by default) and rewrites their sections
// of docs/benchmarks.md, stamped with the machine and the date; other sections stay as they were.
// `demo-crash` takes `--phases=1,3` (indexes into LOAD_PHASES; all by default) and
// `--engines=pglite,postgres` (both by default): each phase is a full demo load. `briefing` runs on
// PostgreSQL unless `--engines` names pglite too (a demo year on PGlite takes 7+ minutes to load);
// so does `cockpit`.
const option = (name: string) =>
  process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3)
    .split(",");
const crashPhases = option("phases")?.map(Number) ?? LOAD_PHASES.map((_, i) => i);
const crashEngines = option("engines") ?? ["pglite", "postgres"];
const BENCHES: Record<string, () => Promise<string>> = {
  startup: benchStartup,
  intake: benchIntake,
  metrics: benchMetrics,
  crash: benchCrash,
  report: benchReport,
  "report-check": benchReportCheck,
  demo: benchDemo,
  appointments: benchAppointments,
  catalog: benchCatalog,
  "hall-stats": benchHallStats,
  export: benchExport,
  "first-start": benchFirstStart,
  "demo-crash": () => benchDemoCrash(crashPhases, crashEngines),
  briefing: () => benchBriefing(option("engines") ?? ["postgres"]),
  cockpit: () => benchCockpit(option("engines") ?? ["postgres"]),
  exchange: () => benchExchange(option("engines") ?? ["postgres"]),
  "data-service": benchDataService,
  ingest: () => benchIngest(option("engines") ?? ["postgres", "pglite"]),
};
const FILE = "docs/benchmarks.md";
const names = process.argv.slice(2).filter((a) => a in BENCHES);
const selected = names.length > 0 ? names : Object.keys(BENCHES);
const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${type()}, Node ${process.version}`;
let doc =
  existsSync(FILE) && readFileSync(FILE, "utf8").includes("<!-- bench:")
    ? readFileSync(FILE, "utf8")
    : "# Benchmarks\n\nWritten by `npm run bench`; each section says where and when it was measured.\n";
for (const name of selected) {
  const bench = BENCHES[name];
  if (!bench) {
    continue;
  }
  process.stdout.write(`== ${name}\n`);
  const body = await bench();
  const section = `<!-- bench:${name} -->\n${body.trim()}\n\n_Measured ${new Date().toISOString().slice(0, 10)} on ${machine}._\n<!-- /bench:${name} -->`;
  const re = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->`);
  doc = re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(FILE, doc);
  process.stdout.write(`${body}\n`);
}
process.exit(0);
