/**
 * The version of the plan's shape, stored with every plan (`Plan.formatVersion`, the JSON's `formatVersion`).
 * Bump it on any incompatible change, and say here what changed.
 *
 * - 1: the first documented shape (plans stored then carry no `formatVersion`).
 * - 2: every create, update and replace entry carries `value`, the resource apply sends.
 */
export const PLAN_FORMAT_VERSION = 2;
