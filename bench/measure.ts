/** Small timing helpers shared by the benchmarks: figures are printed, never asserted. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `runs` times (after `warmup` untimed runs) and returns the median wall time in ms. */
export async function medianMs(fn: () => unknown, runs = 7, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Median wall time and median CPU time (this process, user + system) of `fn`, in ms. On a shared, loaded
 * machine the wall time includes waiting for a core; the CPU time is close to the wall time a quiet machine
 * would show (garbage collection on helper threads counts towards it too).
 */
export async function medianTimes(fn: () => unknown, runs = 7, warmup = 1): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export function printRow(name: string, ms: number, note = ""): void {
  console.log(`${name.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms${note ? `  ${note}` : ""}`);
}

/** A figure with its target: "met" when it is at most the target, else "NOT met". */
export function printTarget(name: string, value: number, unit: string, target: number, note = ""): void {
  const verdict = value <= target ? "met" : "NOT met";
  console.log(`${name.padEnd(58)} ${value.toFixed(1).padStart(9)} ${unit}  target <= ${target} ${unit}: ${verdict}${note ? `  (${note})` : ""}`);
}
