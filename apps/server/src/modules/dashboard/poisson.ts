/**
 * P(X ≥ x) for X ~ Poisson(λ), summed in log space so that counts in the thousands neither
 * overflow nor lose the tail: the chance that a week this busy is ordinary for the topic.
 */
export function poissonUpperTail(x: number, lambda: number): number {
  if (x <= 0) {
    return 1;
  }
  if (lambda <= 0) {
    return 0;
  }
  // P(X ≥ x) = Σ_{k ≥ x} e^{-λ} λ^k / k!, from k = x until the terms stop counting.
  let logTerm = -lambda + x * Math.log(lambda) - logFactorial(x);
  let logSum = logTerm;
  for (let k = x + 1; k < x + 10_000; k++) {
    logTerm += Math.log(lambda) - Math.log(k);
    const next = logAddExp(logSum, logTerm);
    if (next - logSum < 1e-15 && k > lambda) {
      break;
    }
    logSum = next;
  }
  return Math.min(1, Math.exp(logSum));
}

function logAddExp(a: number, b: number): number {
  const hi = Math.max(a, b);
  return hi + Math.log(Math.exp(a - hi) + Math.exp(b - hi));
}

function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) {
    s += Math.log(i);
  }
  return s;
}
