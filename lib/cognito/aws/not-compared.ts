/**
 * Settings a drift check cannot compare, because AWS does not give them back: one row each, citing the page
 * that says what AWS returns. The drift check's page lists the ones a design has, so "In sync" is never read as
 * covering them.
 *
 * - The hosted UI (classic) logo: GetUICustomization answers `ImageUrl`, the address AWS serves the logo from,
 *   never the file (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UICustomizationType.html).
 *   Reading a pool keeps the design's logo where AWS has one (mapping-branding.ts), so a logo replaced in the
 *   console is not seen; a logo removed there is (no ImageUrl). Comparing would need the bytes AWS serves at that
 *   URL, fetched outside the Cognito API, or a fingerprint of the URL kept at each apply; the studio keeps neither.
 */
import { joinPath } from "../spec/diagnostics";
import type { PoolDocument } from "../spec/document-schema";

export interface NotCompared {
  /** Where the setting is in the document. */
  path: string;
  /** The setting in the editor's words. */
  setting: string;
  /** Why it is not compared, and what is. */
  reason: string;
}

const LOGO_REASON =
  "not compared: AWS returns the logo's address, not the file, so a logo replaced in the console is not seen here (one removed there is)";

/** The settings of `document` a drift check does not compare. */
export function settingsNotCompared(document: PoolDocument): NotCompared[] {
  return (document.spec.uiCustomizations ?? []).flatMap((c, i) =>
    c.imageFile === undefined
      ? []
      : [{ path: joinPath("spec", "uiCustomizations", i, "imageFile"), setting: `Hosted UI (classic) logo of ${c.clientName === "ALL" ? "every app client (ALL)" : `app client ${c.clientName}`}`, reason: LOGO_REASON }],
  );
}
