/**
 * An error meant for the person using the studio: its message is shown as is (so it must never hold
 * secrets or internals). Anything else thrown inside an action becomes a generic message and is logged.
 */
export class UserError extends Error {
  readonly code: string;
  /** The form field the error belongs to (a react-hook-form name), when there is one. */
  readonly field?: string;
  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = "UserError";
    this.code = code;
    this.field = field;
  }
}
