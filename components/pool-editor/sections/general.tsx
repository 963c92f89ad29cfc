"use client";
import { Suspense } from "react";
import { FieldSet, KeyValueField, TextField } from "../controls";
import { lazyComponent } from "@/components/ui/lazy-component";

// The cost estimate checks the usage typed with zod (lib/cognito/cost): its own chunk, out of the first load.
const costPanel = lazyComponent(() => import("../cost-panel").then((m) => m.CostPanel));

/** Loads the cost panel's code (see `preloadEditorSections`). */
export const preloadGeneralSection = () => costPanel.preload();

export function GeneralSection() {
  return (
    <>
      <FieldSet title="Pool" description="The pool's name and Region, and the studio's labels.">
        <TextField name="metadata.name" />
        <TextField name="spec.region" placeholder="us-east-1" />
        <KeyValueField name="metadata.labels" noun="Label" className="md:col-span-2" />
      </FieldSet>
      <Suspense fallback={null}>
        <costPanel.Component />
      </Suspense>
    </>
  );
}
