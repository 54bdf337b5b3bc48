import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const root = (p: string) => fileURLToPath(new URL(`../../../../${p}`, import.meta.url));

const Lock = z.object({
  packages: z.record(z.string(), z.object({ engines: z.unknown().optional(), dev: z.boolean().optional() })),
});
const Manifest = z.object({ engines: z.object({ node: z.string() }) });

describe("the Node version the README names", () => {
  it("is the project's own engines range, and every installed package supports its lowest version", () => {
    const readme = readFileSync(root("README.md"), "utf8");
    const named = /Node\.js (\d+\.\d+)\+/.exec(readme)?.[1];
    const range = Manifest.parse(JSON.parse(readFileSync(root("package.json"), "utf8"))).engines.node;
    expect(named, "README names a Node version").toBeTruthy();
    const lowest = semver.minVersion(range)?.version;
    expect(lowest).toBe(`${named}.0`);
    const lock = Lock.parse(JSON.parse(readFileSync(root("package-lock.json"), "utf8")));
    const refusing = Object.entries(lock.packages).flatMap(([path, pkg]) => {
      const node = z.object({ node: z.string() }).safeParse(pkg.engines);
      return node.success && !semver.satisfies(lowest ?? "0.0.0", node.data.node)
        ? [`${path} (${node.data.node})`]
        : [];
    });
    expect(refusing).toEqual([]);
  });
});
