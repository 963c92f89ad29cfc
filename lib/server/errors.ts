/**
 * An error meant for the person using the studio: its message is shown as is (so it must never hold
 * secrets or internals). Anything else thrown inside an action becomes a generic message and is logged.
 */
export class UserError extends Error {
  readonly code: string;
  /** The form field the error belongs to (a react-hook-form name), when there is one. */
  readonly field?: string;
  /** Errors of several fields at once (field name → messages), shown next to each; `message` is the form's summary. */
  readonly fieldErrors?: Record<string, string[]>;
  constructor(code: string, message: string, field?: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = "UserError";
    this.code = code;
    this.field = field;
    this.fieldErrors = fieldErrors;
  }
}
