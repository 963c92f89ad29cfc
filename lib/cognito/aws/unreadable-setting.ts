/**
 * A setting the server's AWS identity may not read. Reading a pool asks for settings an older IAM policy may not
 * allow (terms documents came with the 2026 console): a denied read is explained as the setting that cannot be
 * read and the permission it needs, never passed on as a bare AccessDenied. A pull then leaves the setting out of
 * the design (unset is not managed, so nothing is lost); a plan or drift check of a design that manages it stops
 * with the explanation, since it cannot compare what it cannot read.
 */
import { adviseAwsError } from "./error-advice";

export interface UnreadableSetting {
  /** The setting in the editor's words ("Terms documents"). */
  setting: string;
  /** The `cognito-idp:` action that was denied. */
  action: string;
  /** What happened and what to do, in plain words. */
  note: string;
}

/** True for an AccessDenied from AWS (any service's spelling of it). */
export function isAccessDenied(error: unknown): boolean {
  return adviseAwsError(error)?.code === "access-denied";
}

export function describeUnreadable(setting: string, action: string, leftOut: boolean): UnreadableSetting {
  const then = leftOut ? "the design leaves them out (not managed) until it can" : "the studio cannot compare the design with the live pool";
  return {
    setting,
    action,
    note: `${setting} cannot be read: the server's AWS identity may not call cognito-idp:${action}, so ${then}. Add cognito-idp:${action} to its IAM policy (or the target's role); \`cognito-studio preflight FILE --policy\` prints every permission a design needs.`,
  };
}

/** An error carrying the explanation, keeping AWS's error name (so the usual advice and codes still apply). */
export class SettingUnreadableError extends Error {
  readonly unreadable: UnreadableSetting;
  constructor(unreadable: UnreadableSetting, cause: unknown) {
    super(`${unreadable.note} (AWS said: ${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    this.name = cause instanceof Error && cause.name !== "Error" ? cause.name : "AccessDeniedException";
    this.unreadable = unreadable;
  }
}

/**
 * Runs a read of `setting`; when AWS denies it, a pull (`leaveOut`) gets `fallback` and the explanation is added
 * to `unreadable`, anything else gets a {@link SettingUnreadableError}. Other errors pass through unchanged.
 */
export async function readOrExplain<T>(unreadable: UnreadableSetting[], setting: string, action: string, leaveOut: boolean, fallback: T, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!isAccessDenied(error)) throw error;
    const explained = describeUnreadable(setting, action, leaveOut);
    if (!leaveOut) throw new SettingUnreadableError(explained, error);
    unreadable.push(explained);
    return fallback;
  }
}
