"use client";
import { useEffect, useState } from "react";

type PresetsModule = typeof import("@/lib/cognito/presets");

let presetsModule: Promise<PresetsModule> | undefined;

/**
 * The presets (client and sign-in provider templates), loaded when a section that offers them is first shown:
 * they are only needed to add something, so they stay out of the editor's first-load JavaScript. Undefined
 * until loaded.
 */
export function usePresets(): PresetsModule | undefined {
  const [loaded, setLoaded] = useState<PresetsModule>();
  useEffect(() => {
    let live = true;
    const pending = (presetsModule ??= import("@/lib/cognito/presets"));
    pending.then(
      (m) => live && setLoaded(m),
      () => {
        presetsModule = undefined; // a later mount tries again
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return loaded;
}
