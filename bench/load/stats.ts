/** Latencies and errors per request kind, and the report's lines. */
export class Recorder {
  private readonly samples = new Map<string, number[]>();
  /** When each sample was recorded (performance.now()), in the order of `samples`. */
  private readonly times = new Map<string, number[]>();
  private readonly failures = new Map<string, string[]>();

  record(kind: string, ms: number, error?: string, at = performance.now()): void {
    if (!this.samples.has(kind)) {
      this.samples.set(kind, []);
      this.times.set(kind, []);
    }
    this.samples.get(kind)!.push(ms);
    this.times.get(kind)!.push(at);
    if (error) {
      if (!this.failures.has(kind)) this.failures.set(kind, []);
      this.failures.get(kind)!.push(error);
    }
  }

  kinds(): string[] {
    return [...this.samples.keys()];
  }

  count(kind: string): number {
    return this.samples.get(kind)?.length ?? 0;
  }

  errors(kind: string): string[] {
    return this.failures.get(kind) ?? [];
  }

  totalErrors(): number {
    return [...this.failures.values()].reduce((n, list) => n + list.length, 0);
  }

  percentile(kind: string, p: number): number {
    return percentile(this.samples.get(kind) ?? [], p);
  }

  /**
   * The percentile of each `sliceMs` slice of the `durationMs` from `start`: a request counts in the slice it ended
   * in, and one that ended after the run (it was sent before its end) in the last slice.
   */
  percentileBySlice(kind: string, p: number, start: number, durationMs: number, sliceMs: number): number[] {
    const count = Math.max(1, Math.ceil(durationMs / sliceMs));
    const slices: number[][] = Array.from({ length: count }, () => []);
    const times = this.times.get(kind) ?? [];
    (this.samples.get(kind) ?? []).forEach((ms, i) => slices[Math.min(count - 1, Math.max(0, Math.floor((times[i]! - start) / sliceMs)))]!.push(ms));
    return slices.map((slice) => percentile(slice, p));
  }

  /** How many requests of these kinds were recorded. */
  total(kinds: (kind: string) => boolean): number {
    return this.kinds()
      .filter(kinds)
      .reduce((n, k) => n + this.count(k), 0);
  }
}

/** Nearest-rank percentile (p in 0..100) of the values; NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The most frequent error messages of a list, "3× HTTP 500; 1× …". */
export function summariseErrors(errors: string[], top = 3): string {
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(e.slice(0, 120), (counts.get(e.slice(0, 120)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([e, n]) => `${n}× ${e}`)
    .join("; ");
}
