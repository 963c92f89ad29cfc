import { groupDigits } from "../spec/group-digits";

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
  return `evaluating it ${TOO_SLOW} ${secondsWords(meter.limitMs)} on this pool (${groupDigits(meter.reads)} list elements read); walk fewer lists inside each other (each, all, exists, map, filter), or shorten the condition inside them`;
}

function countRead(meter: EvaluationMeter): void {
  meter.reads += 1;
  if (!meter.expired && (meter.reads % CHECK_EVERY !== 0 || performance.now() <= meter.deadline)) return;
  meter.expired = true;
  throw new EvaluationTooSlow(tooSlowWords(meter));
}

/**
 * Lists shorter than this are not metered: walking two of them inside each other is at most a few hundred
 * steps, and every longer list, or one an expression builds (map, filter), is read from a metered one. Most of a
 * pool's lists are short (flows, scopes of a client), and a metered read costs several plain ones.
 */
const METERED_LENGTH = 16;

function metered(items: unknown[], meter: EvaluationMeter): unknown[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (isIndex(key)) countRead(meter);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/**
 * Plain JSON (fresh from JSON.parse, so it may be changed) with each list of 16 or more elements replaced, in
 * place, by one that counts its element reads on `meter`; returns the value to use for the root.
 */
export function meterLists(value: unknown, meter: EvaluationMeter): unknown {
  if (value === null || typeof value !== "object") return value;
  const container = value as Record<string, unknown>;
  for (const key of Object.keys(container)) {
    const child = container[key];
    if (child !== null && typeof child === "object") container[key] = meterLists(child, meter);
  }
  return Array.isArray(value) && value.length >= METERED_LENGTH ? metered(value, meter) : value;
}

/** Starts the clock of the next policy: its own limit, or what is left of the limit of all of them. */
export function startPolicyClock(meter: EvaluationMeter, allDeadline: number): void {
  const now = performance.now();
  meter.reads = 0;
  meter.expired = false;
  meter.deadline = Math.min(now + POLICY_TIME_LIMIT_MS, allDeadline);
  meter.limitMs = meter.deadline === allDeadline ? POLICIES_TIME_LIMIT_MS : POLICY_TIME_LIMIT_MS;
}
