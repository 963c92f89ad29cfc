/**
 * The pool editor. Render `<PoolEditor document={doc} onChange={...} />` in a client boundary; the
 * pure helpers are exported for server code and tests.
 */
export { PoolEditor, preloadEditorSections, type PoolEditorProps, type PoolEditorState } from "./pool-editor";
export { analysePoolDocument, checkPoolDocument, type PoolDocumentCheck } from "./analysis";
export { toFormValues, fromFormValues, toFormValuesAt, type PoolFormValues, type RecordRow } from "./form-values";
export {
  EDITOR_SECTIONS,
  type EditorSection,
  fieldNameForPath,
  indexDiagnostics,
  messagesFor,
  sectionOf,
  countBySection,
  serverErrorEntries,
  type DiagnosticIndex,
  type FieldMessages,
} from "./field-errors";
export { FIELD_HELP, helpFor, ruleText, fieldPattern, type FieldMeta, type FieldHelp } from "./field-help";
export { poolDocumentResolver, messageForIssue } from "./resolver";
export { fieldId } from "./controls";
