import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButton } from "@/components/auth/SignInButton";
import { PageHeader } from "@/components/ui/PageHeader";
import { safeReturnPath } from "@/lib/auth/redirects";
import { getCurrentActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Ingresar" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ desde?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).desde);
  if (await getCurrentActor()) redirect(returnTo);
  return (
    <>
      <PageHeader
        title="Ingresar al portal"
        lead="Las personas, los funcionarios de las instituciones y el equipo de la plataforma ingresan con ClaveÚnica, la identidad digital del Estado."
      />
      <div className="max-w-2xl space-y-6">
        <SignInButton callbackUrl={returnTo} />
        <p className="text-ink-muted">
          Al continuar, ClaveÚnica le pedirá autorizar que este portal conozca su RUN y su nombre. El portal no recibe ni guarda su clave.
        </p>
        <div className="rounded-lg border border-line p-4">
          <h2 className="text-lg font-bold">¿Qué podrá hacer?</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            <li>Ver sus datos y los roles que tiene en las instituciones.</li>
            <li>Si trabaja en una institución: gestionar sus servicios, acuerdos y nodos según su rol.</li>
          </ul>
        </div>
      </div>
    </>
  );
}
