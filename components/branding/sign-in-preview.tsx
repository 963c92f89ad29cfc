"use client";
/**
 * A likeness of the managed login sign-in page, drawn with React and CSS from a {@link PreviewModel}; no request
 * is made (images are the style's own data URLs). `width` is the frame's width in CSS pixels; where the figure is
 * narrower (a desktop preview on a phone), the whole frame is zoomed out to fit rather than squeezed, so it still
 * shows the desktop layout. The figure takes at most the width of its nearest size container (`@container`).
 */
import { type CSSProperties, useEffect, useRef, useState } from "react";
import type { PreviewModel } from "./preview-model";

const FLEX: Record<string, CSSProperties["justifyContent"]> = { START: "flex-start", CENTER: "center", END: "flex-end" };

/** The frame's zoom: 1 where the figure is as wide as the frame, less where it is narrower. */
function useFitScale(width: number) {
  const ref = useRef<HTMLElement>(null);
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const figure = ref.current;
    if (!figure) return;
    const observer = new ResizeObserver(() => setScale(Math.min(1, figure.clientWidth / width)));
    observer.observe(figure);
    return () => observer.disconnect();
  }, [width]);
  return [ref, scale] as const;
}

export function SignInPreview({ model, width, label }: { model: PreviewModel; width: number; label: string }) {
  const phone = width < 600;
  const [ref, scale] = useFitScale(width);
  const logo = model.logo ? (
    <div style={{ display: "flex", justifyContent: FLEX[model.logo.place] }}>
      <img src={model.logo.src} alt="Form logo" style={{ maxHeight: 40, maxWidth: 160 }} />
    </div>
  ) : null;
  const field = (text: string, type: string) => (
    <label style={{ display: "block", fontSize: 13, color: model.text }}>
      {text}
      <span
        aria-hidden
        data-type={type}
        style={{ display: "block", marginTop: 4, height: 32, borderRadius: Math.min(model.formRadius, 16), border: `1px solid ${model.formBorder}`, background: model.mode === "dark" ? "#0f141a" : "#ffffff" }}
      />
    </label>
  );
  return (
    <figure ref={ref} aria-label={label} className="m-0 max-w-full space-y-1 overflow-hidden" style={{ width: `min(${width}px, 100cqw)` }}>
      <figcaption className="text-xs font-medium text-slate-600">
        {label}
        {scale < 1 && <span className="font-normal"> (shown at {Math.floor(scale * 100)}% size)</span>}
      </figcaption>
      <div
        style={{
          width,
          zoom: scale,
          height: phone ? 520 : 420,
          background: model.pageBackgroundImage ? `center / cover no-repeat url("${model.pageBackgroundImage}"), ${model.pageBackground}` : model.pageBackground,
          display: "flex",
          flexDirection: "column",
          border: "1px solid #cbd5e1",
          borderRadius: 8,
          overflow: "hidden",
          fontFamily: "system-ui, sans-serif",
        }}
      >
        {model.headerLogo ? (
          <div style={{ padding: "8px 12px", borderBottom: `1px solid ${model.formBorder}` }}>
            <img src={model.headerLogo} alt="Header logo" style={{ maxHeight: 24 }} />
          </div>
        ) : null}
        <div style={{ flex: 1, display: "flex", justifyContent: FLEX[model.horizontal], alignItems: FLEX[model.vertical], padding: phone ? 12 : 24 }}>
          <div
            style={{
              width: phone ? "100%" : 320,
              padding: 20,
              background: model.formBackgroundImage ? `center / cover no-repeat url("${model.formBackgroundImage}"), ${model.formBackground}` : model.formBackground,
              border: `1px solid ${model.formBorder}`,
              borderRadius: model.formRadius,
              display: "flex",
              flexDirection: "column",
              gap: 12,
            }}
          >
            {model.logo?.position !== "BOTTOM" && logo}
            <p style={{ margin: 0, fontSize: 18, fontWeight: 700, color: model.text }}>Sign in</p>
            {field("Email address", "email")}
            {field("Password", "password")}
            <span
              style={{ display: "block", textAlign: "center", padding: "8px 0", borderRadius: Math.min(model.formRadius, 20), background: model.buttonBackground, color: model.buttonText, fontWeight: 700, fontSize: 14 }}
            >
              Sign in
            </span>
            <p style={{ margin: 0, fontSize: 12, color: model.mutedText, textAlign: "center" }}>Forgot your password?</p>
            {model.logo?.position === "BOTTOM" && logo}
          </div>
        </div>
      </div>
    </figure>
  );
}
