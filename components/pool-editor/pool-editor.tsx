"use client";
/**
 * The pool editor: every setting of a {@link PoolDocument} in sections a Cognito console user recognises.
 *
 * - Field errors come from `poolDocumentSchema` as you type (mode "onChange"), checking only the part of the
 *   document the field is in (one client, one setting: `resolver.ts`), so a key costs the same in a 200-client pool.
 * - Cross-field rules (`validatePoolDocument`) and best-practice findings (`findPoolFindings`) run debounced
 *   (200 ms by default) on the whole document and show beside the fields they concern; findings as warnings.
 *   Their code (`analysis.ts`) loads after the first render: the page passes the stored document's `checked`.
 * - `onChange` receives the document and its validity after each debounced change, for autosave.
 * - Only the active section is mounted, and of the app clients only the selected one.
 *
 * The editor reads `document` when it mounts; to load another document (after a reload or a conflict), render
 * it with a new React `key`.
 */
import { type ComponentType, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { Badge, Tabs, TabsContent, TabsList, TabsTrigger, lazyResolver } from "@/components/ui";
import type { Diagnostic } from "@/lib/cognito/spec/diagnostics";
import { type PoolDocument } from "@/lib/cognito/spec/document-schema";
import { EditorContext, type EditorContextValue } from "./editor-context";
import { type PoolDocumentCheck, toAnalysis } from "./analysis-view";
import { EDITOR_SECTIONS, countBySection, serverErrorEntries } from "./field-errors";
import { type PoolFormValues, fromFormValues, toFormValues } from "./form-values";
import { lazyComponent } from "@/components/ui/lazy-component";
import { GeneralSection, preloadGeneralSection } from "./sections/general";

export interface PoolEditorState {
  /** No error diagnostics: the document passes the schema and every cross-field rule. */
  valid: boolean;
  /** Validation diagnostics (errors and warnings) followed by findings (warnings). */
  diagnostics: Diagnostic[];
}

export interface PoolEditorProps {
  document: PoolDocument;
  /**
   * The document's problems, checked where it was loaded (`checkPoolDocument` in `analysis.ts`, on the server),
   * shown from the first render; the editor loads its own checks for the changes. Without it, the editor checks
   * the document right after it is shown.
   */
  checked?: PoolDocumentCheck;
  /** Called after each change, debounced; the document may be invalid (drafts can be saved as work in progress). */
  onChange?(doc: PoolDocument, state: PoolEditorState): void;
  /** Field errors from the server action, keyed by document path (`spec.clients[0].name`) or field name. */
  serverErrors?: Record<string, string[]>;
  readOnly?: boolean;
  /** Section shown first (an id of {@link EDITOR_SECTIONS}); default "general". */
  initialSection?: string;
  /** The section shown, when the page keeps it (in the URL); the editor then reports changes by `onSectionChange`. */
  section?: string;
  onSectionChange?(section: string): void;
  /** Delay of cross-field validation, findings and `onChange` after a keystroke; default 200 ms. */
  debounceMs?: number;
  /** The workspace's policies as findings (lib/cognito/policies `policyFindings`), shown at their fields. */
  checkPolicies?(doc: PoolDocument): Diagnostic[];
}

/**
 * The sections other than General (shown first) load on first use, each in its own chunk, and all of them
 * right after the editor is shown: they stay out of the first load, and a click on a tab finds its section loaded.
 */
const LAZY_SECTIONS = {
  "sign-in": lazyComponent(() => import("./sections/sign-in").then((m) => m.SignInSection)),
  "password-policy": lazyComponent(() => import("./sections/password-policy").then((m) => m.PasswordPolicySection)),
  mfa: lazyComponent(() => import("./sections/mfa").then((m) => m.MfaSection)),
  "sign-up": lazyComponent(() => import("./sections/sign-up").then((m) => m.SignUpSection)),
  "account-recovery": lazyComponent(() => import("./sections/account-recovery").then((m) => m.AccountRecoverySection)),
  messages: lazyComponent(() => import("./sections/messages").then((m) => m.MessagesSection)),
  attributes: lazyComponent(() => import("./sections/attributes").then((m) => m.AttributesSection)),
  triggers: lazyComponent(() => import("./sections/triggers").then((m) => m.TriggersSection)),
  advanced: lazyComponent(() => import("./sections/advanced").then((m) => m.AdvancedSection)),
  "identity-providers": lazyComponent(() => import("./sections/identity-providers").then((m) => m.IdentityProvidersSection)),
  "app-clients": lazyComponent(() => import("./sections/app-clients").then((m) => m.AppClientsSection)),
  terms: lazyComponent(() => import("./sections/terms").then((m) => m.TermsSection)),
  "resource-servers": lazyComponent(() => import("./sections/resource-servers").then((m) => m.ResourceServersSection)),
  groups: lazyComponent(() => import("./sections/groups").then((m) => m.GroupsSection)),
  domain: lazyComponent(() => import("./sections/domain").then((m) => m.DomainSection)),
  "threat-protection": lazyComponent(() => import("./sections/threat-protection").then((m) => m.ThreatProtectionSection)),
  "log-streaming": lazyComponent(() => import("./sections/log-streaming").then((m) => m.LogStreamingSection)),
  branding: lazyComponent(() => import("./sections/branding").then((m) => m.BrandingSection)),
};

const SECTION_COMPONENTS: Record<string, ComponentType> = {
  general: GeneralSection,
  ...Object.fromEntries(Object.entries(LAZY_SECTIONS).map(([id, section]) => [id, section.Component])),
};

/**
 * Loads every section's code (and the General section's cost panel): the editor does it once shown; a test or
 * benchmark that renders the editor synchronously (`renderToString`) awaits it first.
 */
export function preloadEditorSections(): Promise<unknown> {
  return Promise.all([preloadGeneralSection(), ...Object.values(LAZY_SECTIONS).map((s) => s.preload())]);
}

/**
 * The field checks as you type (zod and the document schema): loaded after the editor is shown, so the page is
 * interactive before they arrive; a change made before waits for them.
 */
const poolDocumentResolver = lazyResolver<PoolFormValues>(() => import("./resolver").then((m) => m.poolDocumentResolver));

/** The checks, loaded once (after the first render, or on the first change). */
let analysisModule: Promise<typeof import("./analysis")> | undefined;
const loadAnalysis = () => (analysisModule ??= import("./analysis").catch((error: unknown) => {
  analysisModule = undefined; // try again on the next change
  throw error;
}));

export function PoolEditor({ document, checked, onChange, serverErrors, readOnly = false, initialSection = "general", section: shownSection, onSectionChange, debounceMs = 200, checkPolicies }: PoolEditorProps) {
  // Read once: see the note on remounting above.
  const [initial] = useState(() => {
    const values = toFormValues(document);
    return { values, analysis: toAnalysis(checked ?? { validation: [], findings: [] }, values) };
  });
  const checkPoliciesRef = useRef(checkPolicies);
  useEffect(() => {
    checkPoliciesRef.current = checkPolicies;
  }, [checkPolicies]);
  const methods = useForm<PoolFormValues>({ defaultValues: initial.values, resolver: poolDocumentResolver, mode: "onChange" });
  const [analysis, setAnalysis] = useState(initial.analysis);
  const [ownSection, setOwnSection] = useState(initialSection);
  const section = shownSection !== undefined && SECTION_COMPONENTS[shownSection] ? shownSection : ownSection;
  const setSection = useCallback(
    (id: string) => {
      setOwnSection(id);
      onSectionChange?.(id);
    },
    [onSectionChange],
  );

  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const findingsRef = useRef(initial.analysis.findings);
  const checkedRef = useRef(checked !== undefined);
  const lastJson = useRef(JSON.stringify(document));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const runs = useRef(0);
  /** Checks the form's document; `report`: a change, passed to `onChange` when the document differs. */
  const analyse = useCallback(
    async (report: boolean) => {
      const run = ++runs.current;
      const { analysePoolDocument } = await loadAnalysis();
      if (run !== runs.current) return; // a later change has started its own
      const values = methods.getValues();
      const doc = fromFormValues(values);
      const next = analysePoolDocument(doc, values, findingsRef.current, checkPoliciesRef.current);
      findingsRef.current = next.findings;
      setAnalysis(next);
      const json = JSON.stringify(doc);
      if (report && json !== lastJson.current) {
        lastJson.current = json;
        onChangeRef.current?.(doc, { valid: next.valid, diagnostics: next.diagnostics });
      }
    },
    [methods],
  );

  useEffect(() => {
    // Without checks from the page, check the document now; else fetch the checks while the person reads.
    if (!checkedRef.current) {
      checkedRef.current = true;
      void analyse(false).catch(() => undefined);
    } else if (!readOnly) void loadAnalysis().catch(() => undefined);
    if (!readOnly) poolDocumentResolver.preload();
    void preloadEditorSections().catch(() => undefined);
  }, [analyse, readOnly]);

  useEffect(() => {
    if (readOnly) return;
    const subscription = methods.watch(() => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void analyse(true).catch(() => undefined), debounceMs);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [methods, analyse, debounceMs, readOnly]);

  useEffect(() => {
    for (const [name, message] of serverErrorEntries(serverErrors, methods.getValues())) methods.setError(name, { type: "server", message });
  }, [serverErrors, methods]);

  const context = useMemo<EditorContextValue>(() => ({ index: analysis.index, readOnly }), [analysis.index, readOnly]);
  const counts = useMemo(() => countBySection(analysis.index), [analysis.index]);
  const Section = SECTION_COMPONENTS[section] ?? GeneralSection;

  return (
    <FormProvider {...methods}>
      <EditorContext.Provider value={context}>
        <form noValidate onSubmit={(e) => e.preventDefault()} aria-label={`Pool ${document.metadata?.name ?? ""}`} className="min-w-0">
          <Tabs value={section} onValueChange={setSection} orientation="vertical" className="grid gap-4 lg:grid-cols-[14rem_1fr] lg:gap-6">
            <TabsList aria-label="Pool settings" className="grid grid-cols-2 gap-1 border-b-0 sm:grid-cols-3 lg:flex lg:flex-col lg:items-stretch">
              {EDITOR_SECTIONS.map((s) => {
                const c = counts[s.id];
                return (
                  <TabsTrigger key={s.id} value={s.id} className="flex items-center justify-between gap-2 rounded-md text-left data-[state=active]:bg-indigo-50">
                    <span>{s.title}</span>
                    <span className="flex gap-1">
                      {c && c.errors > 0 && (
                        <Badge tone="bad">
                          {c.errors}
                          <span className="sr-only"> {c.errors === 1 ? "error" : "errors"}</span>
                        </Badge>
                      )}
                      {c && c.warnings > 0 && (
                        <Badge tone="warn">
                          {c.warnings}
                          <span className="sr-only"> {c.warnings === 1 ? "warning" : "warnings"}</span>
                        </Badge>
                      )}
                    </span>
                  </TabsTrigger>
                );
              })}
            </TabsList>
            <div className="min-w-0 space-y-4">
              <TabsContent value={section} className="space-y-4 pt-0">
                {/* The section's own fieldset shows the title; the heading is for the page outline only. */}
                <h2 className="sr-only">{EDITOR_SECTIONS.find((s) => s.id === section)?.title}</h2>
                <Suspense fallback={null}>
                  <Section />
                </Suspense>
              </TabsContent>
            </div>
          </Tabs>
        </form>
      </EditorContext.Provider>
    </FormProvider>
  );
}
