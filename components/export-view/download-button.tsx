"use client";
import { Download } from "lucide-react";
import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui";

export interface DownloadButtonProps {
  fileName: string;
  /** Text content (UTF-8), or… */
  content?: string;
  /** …binary content as base64 (a zip). */
  base64?: string;
  mimeType?: string;
  variant?: ButtonVariant;
  children?: ReactNode;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves the content as a file in the browser (no server round trip). */
export function DownloadButton({ fileName, content, base64, mimeType = "text/plain;charset=utf-8", variant = "secondary", children }: DownloadButtonProps) {
  function download() {
    const blob = base64 !== undefined ? new Blob([bytesOf(base64)], { type: mimeType }) : new Blob([content ?? ""], { type: mimeType });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoke after the click has been handled, or some browsers cancel the download.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <Button variant={variant} onClick={download} aria-label={children ? undefined : `Download ${fileName}`}>
      <Download aria-hidden className="size-4" />
      {children ?? "Download"}
    </Button>
  );
}
