"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/forms/api";
import { useHydrated } from "@/components/forms/useHydrated";
import { useDoneNotice } from "@/components/ui/useDoneNotice";
import type { TJobRun } from "@/lib/platform/schemas";

/**
 * "Ejecutar ahora" on one scheduled job of the platform console: queues one run
 * (POST /api/v1/platform/jobs/{name}/run), then says so in a notice that takes the focus and
 * refreshes the page (the job's pending count).
 */
export function RunJobButton({ name, description }: { name: string; description: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const { notice, announce, clear } = useDoneNotice();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => sendJson<TJobRun>(`/api/v1/platform/jobs/${encodeURIComponent(name)}/run`, "POST", {}),
    onMutate: () => {
      setError(null);
      clear();
    },
    onSuccess: (run) => {
      announce(
        run.queued
          ? `Se encoló una ejecución de «${description}»; una instancia del portal la hace en unos segundos.`
          : `Ya había una ejecución de «${description}» en cola: se hará en unos segundos.`,
        "Trabajo encolado",
      );
      router.refresh();
    },
    onError: (err) => setError(err instanceof Error ? err.message : "No se pudo encolar el trabajo."),
  });
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={() => mutation.mutate()}
        disabled={!hydrated || mutation.isPending}
        aria-busy={mutation.isPending}
        data-job={name}
        className="rounded border-2 border-primary bg-white px-3 py-1 text-sm font-medium text-primary hover:bg-primary-light disabled:opacity-60"
      >
        {mutation.isPending ? "Encolando…" : "Ejecutar ahora"}
        <span className="sr-only">: {description}</span>
      </button>
      {error && (
        <p role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
      {notice}
    </div>
  );
}
