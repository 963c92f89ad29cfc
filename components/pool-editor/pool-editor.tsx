"use client";
/**
 * The pool editor: every setting of a {@link PoolDocument} in sections a Cognito console user recognises.
 *
 * - Field errors come from `zodResolver(poolDocumentSchema)` as you type (mode "onChange").
 * - Cross-field rules (`validatePoolDocument`) and best-practice findings (`findPoolFindings`) run debounced
 *   (200 ms by default) on the whole document and show beside the fields they concern; findings as warnings.
 * - `onChange` receives the document and its validity after each debounced change, for autosave.
 * - Only the active section is mounted, and of the app clients only the selected one.
 *
 * The editor reads `document` when it mounts; to load another document (after a reload or a conflict), render
 * it with a new React `key`.
 */
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { Badge, Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui";
import { findPlaceholders, findPoolFindings } from "@/lib/cognito/findings";
import { type Diagnostic, type PoolDocument, hasErrors, validatePoolDocument } from "@/lib/cognito/spec";
import { EditorContext, type EditorContextValue } from "./editor-context";
import { EDITOR_SECTIONS, type DiagnosticIndex, countBySection, indexDiagnostics, serverErrorEntries } from "./field-errors";
import { type PoolFormValues, fromFormValues, toFormValues } from "./form-values";
import { poolDocumentResolver } from "./resolver";
import { AccountRecoverySection } from "./sections/account-recovery";
import { AdvancedSection } from "./sections/advanced";
import { AppClientsSection } from "./sections/app-clients";
import { AttributesSection } from "./sections/attributes";
import { BrandingSection } from "./sections/branding";
import { DomainSection } from "./sections/domain";
import { GeneralSection } from "./sections/general";
import { GroupsSection } from "./sections/groups";
import { IdentityProvidersSection } from "./sections/identity-providers";
import { MessagesSection } from "./sections/messages";
import { MfaSection } from "./sections/mfa";
import { PasswordPolicySection } from "./sections/password-policy";
import { ResourceServersSection } from "./sections/resource-servers";
import { SignInSection } from "./sections/sign-in";
import { SignUpSection } from "./sections/sign-up";
import { TermsSection } from "./sections/terms";
import { TriggersSection } from "./sections/triggers";
import { LogStreamingSection } from "./sections/log-streaming";
import { ThreatProtectionSection } from "./sections/threat-protection";

export interface PoolEditorState {
  /** No error diagnostics: the document passes the schema and every cross-field rule. */
  valid: boolean;
  /** Validation diagnostics (errors and warnings) followed by findings (warnings). */
  diagnostics: Diagnostic[];
}

export interface PoolEditorProps {
  document: PoolDocument;
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

const SECTION_COMPONENTS: Record<string, () => ReactNode> = {
  general: GeneralSection,
  "sign-in": SignInSection,
  "password-policy": PasswordPolicySection,
  mfa: MfaSection,
  "sign-up": SignUpSection,
  "account-recovery": AccountRecoverySection,
  messages: MessagesSection,
  attributes: AttributesSection,
  triggers: TriggersSection,
  advanced: AdvancedSection,
  "identity-providers": IdentityProvidersSection,
  "app-clients": AppClientsSection,
  terms: TermsSection,
  "resource-servers": ResourceServersSection,
  groups: GroupsSection,
  domain: DomainSection,
  "threat-protection": ThreatProtectionSection,
  "log-streaming": LogStreamingSection,
  branding: BrandingSection,
};

interface Analysis extends PoolEditorState {
  index: DiagnosticIndex;
}

/**
 * Validation and findings of a document. Findings run only on a schema-valid document (their checks trust the
 * shape); while it is invalid the previous findings are kept so warnings do not flicker as you type.
 */
export function analysePoolDocument(
  doc: PoolDocument,
  values: PoolFormValues,
  previousFindings: readonly Diagnostic[] = [],
  checkPolicies: (doc: PoolDocument) => Diagnostic[] = () => [],
): Analysis & { findings: Diagnostic[] } {
  const { document: parsed, diagnostics } = validatePoolDocument(doc);
  const findings = parsed ? [...findPoolFindings(doc), ...findPlaceholders(doc), ...checkPolicies(doc)] : [...previousFindings];
  const all = [...diagnostics, ...findings];
  return { valid: !hasErrors(diagnostics), diagnostics: all, findings, index: indexDiagnostics(all, values) };
}

export function PoolEditor({ document, onChange, serverErrors, readOnly = false, initialSection = "general", section: shownSection, onSectionChange, debounceMs = 200, checkPolicies }: PoolEditorProps) {
  // Read once: see the note on remounting above.
  const [initial] = useState(() => {
    const values = toFormValues(document);
    return { values, analysis: analysePoolDocument(document, values, [], checkPolicies) };
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
  const lastJson = useRef(JSON.stringify(document));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const analyseNow = useCallback(() => {
    const values = methods.getValues();
    const doc = fromFormValues(values);
    const next = analysePoolDocument(doc, values, findingsRef.current, checkPoliciesRef.current);
    findingsRef.current = next.findings;
    setAnalysis(next);
    const json = JSON.stringify(doc);
    if (json !== lastJson.current) {
      lastJson.current = json;
      onChangeRef.current?.(doc, { valid: next.valid, diagnostics: next.diagnostics });
    }
  }, [methods]);

  useEffect(() => {
    if (readOnly) return;
    const subscription = methods.watch(() => {
      clearTimeout(timer.current);
      timer.current = setTimeout(analyseNow, debounceMs);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [methods, analyseNow, debounceMs, readOnly]);

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
                <Section />
              </TabsContent>
            </div>
          </Tabs>
        </form>
      </EditorContext.Provider>
    </FormProvider>
  );
}
