"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/forms/api";
import { useHydrated } from "@/components/forms/useHydrated";

/** "Marcar como leída": POSTs, then refreshes the page (and the header's unread counts). */
export function MarkReadButton({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => sendJson<{ ok: true }>(`/api/v1/notifications/${id}/read`, "POST", {}),
    onSuccess: () => {
      setError(null);
      // The button goes away once read: the focus moves to the notification's title.
      document.getElementById(`notificacion-${id}`)?.focus();
      router.refresh();
    },
    onError: (err) => setError(err instanceof Error ? err.message : "No se pudo marcar como leída."),
  });
  return (
    <div>
      <button
        type="button"
        onClick={() => mutation.mutate()}
        disabled={!hydrated || mutation.isPending}
        aria-busy={mutation.isPending}
        className="rounded border-2 border-primary bg-white px-3 py-1 text-sm font-medium text-primary hover:bg-primary-light disabled:opacity-60"
      >
        {mutation.isPending ? "Marcando…" : "Marcar como leída"}
        <span className="sr-only">: {title}</span>
      </button>
      {error && (
        <p role="alert" className="mt-1 text-sm font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
