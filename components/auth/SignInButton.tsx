"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Starts the ClaveÚnica authorization-code flow (next-auth posts its CSRF token, then redirects). */
export function SignInButton({ callbackUrl }: { callbackUrl: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        setBusy(true);
        void signIn("claveunica", { callbackUrl });
      }}
      disabled={busy}
      aria-busy={busy}
      className="inline-flex items-center gap-3 rounded border-2 border-primary bg-primary px-6 py-3 text-lg font-bold text-white hover:bg-primary-dark disabled:opacity-70"
    >
      <span aria-hidden="true" className="inline-block h-5 w-5 rounded-full border-2 border-white" />
      {busy ? "Redirigiendo a ClaveÚnica…" : "Iniciar sesión con ClaveÚnica"}
    </button>
  );
}
