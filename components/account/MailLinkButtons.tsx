"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { sendJson } from "@/components/forms/api";
import { useHydrated } from "@/components/forms/useHydrated";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { DoneNotice } from "@/components/ui/useDoneNotice";

/**
 * The button of a page a mail links to: only pressing it (a POST) uses the link, never opening
 * the page (mail scanners open links). Once done, the notice replaces the button and takes the focus.
 */
function LinkAction<R>({ endpoint, token, label, pendingLabel, done }: { endpoint: string; token: string; label: string; pendingLabel: string; done: (result: R) => { title: string; body: ReactNode } }) {
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ title: string; body: ReactNode } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) noticeRef.current?.focus();
  }, [result]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  if (result) {
    return (
      <DoneNotice ref={noticeRef} title={result.title}>
        {result.body}
      </DoneNotice>
    );
  }
  const act = async () => {
    setPending(true);
    setError(null);
    try {
      setResult(done(await sendJson<R>(endpoint, "POST", { token })));
    } catch (err) {
      setError(err instanceof Error ? err.message : "No se pudo completar.");
    } finally {
      setPending(false);
    }
  };
  return (
    <div>
      {error && (
        <Alert tone="danger" title="No se pudo completar" ref={errorRef} tabIndex={-1}>
          {error}
        </Alert>
      )}
      <Button type="button" onClick={act} disabled={!hydrated || pending} aria-busy={pending}>
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}

type Confirmed = { address: string; kind: "own" | "institutional"; institutionName: string | null };

export function ConfirmAddressButton({ token }: { token: string }) {
  return (
    <LinkAction<Confirmed>
      endpoint="/api/v1/mail/confirmations"
      token={token}
      label="Confirmar la dirección"
      pendingLabel="Confirmando…"
      done={(r) => ({
        title: `Dirección confirmada: ${r.address}`,
        body: (
          <p>
            {r.kind === "own"
              ? "Desde ahora es su dirección de correo en el portal."
              : `Desde ahora recibe los avisos de ${r.institutionName ?? "su institución"} en esta dirección.`}{" "}
            Puede revisarla en <Link href="/cuenta">Mi cuenta</Link>.
          </p>
        ),
      })}
    />
  );
}

export function UnsubscribeButton({ token }: { token: string }) {
  return (
    <LinkAction<{ ok: true }>
      endpoint="/api/v1/mail/unsubscribe"
      token={token}
      label="Dejar de recibir correos"
      pendingLabel="Guardando…"
      done={() => ({
        title: "Ya no recibirá correos del portal",
        body: (
          <>
            <p>Los avisos siguen en el portal, pero no le llegarán por correo. Los de plazos legales le seguirán llegando: la ley obliga a avisarlos.</p>
            <p className="mt-2">
              Para volver a recibirlos, ingrese al portal y use «Volver a recibir correos» en <Link href="/cuenta">Mi cuenta</Link>.
            </p>
          </>
        ),
      })}
    />
  );
}
