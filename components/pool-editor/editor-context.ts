"use client";
import { createContext, useContext } from "react";
import type { DiagnosticIndex } from "./field-errors";

export interface EditorContextValue {
  /** Cross-field diagnostics, zod diagnostics of untouched fields and findings, by field name. */
  index: DiagnosticIndex;
  readOnly: boolean;
}

export const EditorContext = createContext<EditorContextValue>({ index: new Map(), readOnly: false });

export function useEditorContext(): EditorContextValue {
  return useContext(EditorContext);
}
