"use client";

// Never shows the error's details (or a stack trace) to a person; the server logs them.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1 className="text-3xl font-bold">Ocurrió un problema</h1>
      <p className="mt-3 text-lg text-ink-muted">No pudimos completar su solicitud. Intente nuevamente en unos minutos.</p>
      <button type="button" onClick={reset} className="mt-6 rounded border-2 border-primary bg-primary px-4 py-2 font-medium text-white hover:bg-primary-dark">
        Reintentar
      </button>
    </>
  );
}
