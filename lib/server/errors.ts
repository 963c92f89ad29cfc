/**
 * An error meant for the person using the studio: its message is shown as is (so it must never hold
 * secrets or internals). Anything else thrown inside an action becomes a generic message and is logged.
 */
export class UserError extends Error {
  readonly code: string;
  /** The form field the error belongs to (a react-hook-form name), when there is one. */
  readonly field?: string;
  /**
   * The refusal follows a change that must stay (e.g. a plan recomputed before refusing an approval
   * of the old one): the action wrapper commits the transaction instead of rolling it back.
   */
  readonly keepsChanges: boolean;
  /** Errors of several fields at once (field name → messages), shown next to each; `message` is the form's summary. */
  readonly fieldErrors?: Record<string, string[]>;
  constructor(code: string, message: string, field?: string, options: { keepsChanges?: boolean; fieldErrors?: Record<string, string[]> } = {}) {
    super(message);
    this.name = "UserError";
    this.code = code;
    this.field = field;
    this.keepsChanges = options.keepsChanges ?? false;
    this.fieldErrors = options.fieldErrors;
  }
}
