"use client";
import { useState, useTransition } from "react";
import { finishSecretRotationAction, listClientSecretsAction, startSecretRotationAction } from "@/app/pools/secret-actions";
import { CopyButton } from "@/components/export-view/copy-button";
import { Button, Checkbox, FormMessage, Label } from "@/components/ui";
import type { ActionResult } from "@/lib/contracts/action-result";

interface Secret {
  id: string;
  createdAt: string | null;
}

/**
 * Guided rotation of one client's secret: add a second secret (shown here once, kept only in this
 * component's memory), confirm the application uses it, delete the old one. Every step is a server action
 * that checks the role and writes an audit event naming secret ids, never values.
 */
export function SecretRotation({ targetId, clientName, canRotate }: { targetId: string; clientName: string; canRotate: boolean }) {
  const [pending, startTransition] = useTransition();
  const [secrets, setSecrets] = useState<Secret[]>();
  const [fresh, setFresh] = useState<{ id: string; value: string }>();
  const [keep, setKeep] = useState<string>();
  const [confirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string }>();
  const ref = { targetId, clientName };

  function run<T>(call: () => Promise<ActionResult<T>>, onOk: (data: T) => void) {
    setMessage(undefined);
    startTransition(async () => {
      const result = await call();
      if (result.ok) onOk(result.data);
      else setMessage({ tone: "error", text: [result.formError, ...Object.values(result.fieldErrors).flat()].filter(Boolean).join(" ") });
    });
  }
  const refresh = () => run(() => listClientSecretsAction(ref), (data) => setSecrets(data.secrets));

  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3" data-testid={`secret-rotation-${clientName}`}>
      <h3 className="font-medium">Rotate the client secret</h3>
      <p className="text-sm text-slate-700">
        A client can have two secrets at once: add a new one, deploy it, then delete the old one. The new secret is shown once, here, and stored nowhere.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={refresh} disabled={pending}>
          Show secrets
        </Button>
        {canRotate && !fresh && (
          <Button
            type="button"
            onClick={() =>
              run(
                () => startSecretRotationAction(ref),
                (data) => {
                  setFresh(data.newSecret);
                  setKeep(data.newSecret.id);
                  setSecrets(undefined);
                },
              )
            }
            disabled={pending}
          >
            Add a new secret
          </Button>
        )}
      </div>
      {secrets && (
        <ul className="font-mono text-xs" aria-label={`Secrets of ${clientName}`}>
          {secrets.map((s) => (
            <li key={s.id}>
              {canRotate && secrets.length > 1 && !fresh ? (
                <label className="flex items-center gap-2">
                  <input type="radio" name={`keep-${clientName}`} value={s.id} checked={keep === s.id} onChange={() => setKeep(s.id)} />
                  {s.id} (created {s.createdAt?.slice(0, 10) ?? "?"})
                </label>
              ) : (
                `${s.id} (created ${s.createdAt?.slice(0, 10) ?? "?"})`
              )}
            </li>
          ))}
        </ul>
      )}
      {fresh && (
        <div className="space-y-2 rounded-md bg-amber-50 p-3 text-sm" role="status">
          <p className="font-medium">New secret {fresh.id}: copy it into your secret store now. It will not be shown again.</p>
          <div className="flex items-center gap-2">
            <code className="rounded bg-white px-2 py-1 font-mono text-xs break-all" data-testid="new-client-secret">
              {fresh.value}
            </code>
            <CopyButton text={fresh.value} label={`Copy the new secret of ${clientName}`} />
          </div>
        </div>
      )}
      {canRotate && (fresh || (secrets && secrets.length > 1)) && (
        <div className="space-y-2">
          <div className="flex items-center gap-2">
            <Checkbox id={`confirm-${clientName}`} checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            <Label htmlFor={`confirm-${clientName}`}>My application uses the {fresh ? "new" : "chosen"} secret; the other one may stop working</Label>
          </div>
          <Button
            type="button"
            variant="danger"
            disabled={pending || !confirmed || !keep}
            onClick={() =>
              run(
                () => finishSecretRotationAction({ ...ref, keepSecretId: keep ?? "", confirmed: confirmed as true }),
                (data) => {
                  setFresh(undefined);
                  setConfirmed(false);
                  setSecrets(undefined);
                  setMessage({ tone: "ok", text: `Kept ${data.kept}; deleted ${data.deleted.join(", ")}.` });
                },
              )
            }
          >
            Delete the old secret
          </Button>
        </div>
      )}
      {message && <FormMessage tone={message.tone === "ok" ? "success" : "error"}>{message.text}</FormMessage>}
    </div>
  );
}
