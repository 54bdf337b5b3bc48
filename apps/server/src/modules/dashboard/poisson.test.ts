import { describe, expect, it } from "vitest";
import { poissonUpperTail } from "./poisson.ts";

describe("Poisson upper tail", () => {
  it("matches the closed form for small counts", () => {
    // P(X ≥ 1) = 1 − e^{-λ}; P(X ≥ 2) = 1 − e^{-λ}(1 + λ).
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(poissonUpperTail(2, 0.5)).toBeCloseTo(1 - Math.exp(-0.5) * 1.5, 12);
    expect(poissonUpperTail(0, 3)).toBe(1);
  });

  it("is tiny for a week far above its baseline and about one half at the baseline", () => {
    expect(poissonUpperTail(30, 0.5)).toBeLessThan(1e-30);
    expect(poissonUpperTail(1000, 1000)).toBeGreaterThan(0.48);
    expect(poissonUpperTail(1000, 1000)).toBeLessThan(0.52);
    expect(poissonUpperTail(1200, 1000)).toBeLessThan(1e-8);
  });

  it("falls as the count rises", () => {
    const ps = [5, 10, 20].map((x) => poissonUpperTail(x, 4));
    expect(ps[0]).toBeGreaterThan(ps[1] ?? 1);
    expect(ps[1]).toBeGreaterThan(ps[2] ?? 1);
  });
});
