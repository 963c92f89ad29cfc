/**
 * A time limit on evaluating policies. CEL has no loops, but its list macros (each, all, exists, map, filter)
 * nest: a policy that walks a quota-sized pool's 1,000 app clients for each of them, with a long condition
 * inside, takes half a minute, and the server, the CLI and the editor evaluate synchronously. So the lists a
 * policy reads are metered: every 256 element reads the clock is checked, and past the deadline the next read
 * throws, which ends the evaluation with a violation naming the limit (a blocking policy then stops an apply,
 * as a broken one does). Reads, not steps: the evaluator has no hook per step, and every walk reads elements.
 */

/**
 * One policy on one pool: far above what a real rule takes (a uniqueness check over 1,000 clients, a million
 * reads, takes about a second on a busy machine), low enough that no policy holds the server for long.
 */
export const POLICY_TIME_LIMIT_MS = 5_000;
/** All of a workspace's policies on one pool together. */
export const POLICIES_TIME_LIMIT_MS = 15_000;
/** The words of the refusal, which the compiler's advice table recognises. */
export const TOO_SLOW = "took longer than";

/** The deadline of the policy being evaluated, and how many list elements it has read. */
export interface EvaluationMeter {
  deadline: number;
  reads: number;
  limitMs: number;
  /** Past the deadline: every read throws at once, so the walks still running end quickly. */
  expired: boolean;
}

/** Thrown by a metered read past the deadline. */
export class EvaluationTooSlow extends Error {
  override name = "EvaluationTooSlow";
}

export function newMeter(): EvaluationMeter {
  return { deadline: 0, reads: 0, limitMs: 0, expired: false };
}

const CHECK_EVERY = 256;

function isIndex(key: string | symbol): boolean {
  if (typeof key !== "string" || key.length === 0) return false;
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57;
}

function secondsWords(ms: number): string {
  const seconds = ms / 1000;
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

/** Why a policy was not checked, in the words a violation shows. */
export function tooSlowWords(meter: EvaluationMeter): string {
  return `evaluating it ${TOO_SLOW} ${secondsWords(meter.limitMs)} on this pool (${meter.reads.toLocaleString("en-US")} list elements read); walk fewer lists inside each other (each, all, exists, map, filter), or shorten the condition inside them`;
}

function countRead(meter: EvaluationMeter): void {
  meter.reads += 1;
  if (!meter.expired && (meter.reads % CHECK_EVERY !== 0 || performance.now() <= meter.deadline)) return;
  meter.expired = true;
  throw new EvaluationTooSlow(tooSlowWords(meter));
}

/** A copy of plain JSON whose lists count their element reads on `meter`. */
export function meteredCopy(value: unknown, meter: EvaluationMeter): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => meteredCopy(item, meter));
    return new Proxy(items, {
      get(target, key, receiver) {
        if (isIndex(key)) countRead(meter);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  }
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, meteredCopy(v, meter)]));
  return value;
}

/** Starts the clock of the next policy: its own limit, or what is left of the limit of all of them. */
export function startPolicyClock(meter: EvaluationMeter, allDeadline: number): void {
  const now = performance.now();
  meter.reads = 0;
  meter.expired = false;
  meter.deadline = Math.min(now + POLICY_TIME_LIMIT_MS, allDeadline);
  meter.limitMs = meter.deadline === allDeadline ? POLICIES_TIME_LIMIT_MS : POLICY_TIME_LIMIT_MS;
}
