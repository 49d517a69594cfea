import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/PageHeader";

export const metadata: Metadata = { title: "No se pudo iniciar sesión" };

const MESSAGES: Record<string, { title: string; body: string }> = {
  RunInvalido: {
    title: "El RUN informado por ClaveÚnica no es válido",
    body: "El dígito verificador del RUN que entregó ClaveÚnica no corresponde. Por seguridad no se inició la sesión y no se guardó ningún dato suyo. Si el problema persiste, contacte a la mesa de ayuda de ClaveÚnica.",
  },
  OAuthCallback: {
    title: "ClaveÚnica no completó el inicio de sesión",
    body: "Puede que haya cancelado el ingreso o que la respuesta de ClaveÚnica no fuera válida. No se inició la sesión.",
  },
  AccessDenied: {
    title: "Acceso denegado",
    body: "No se autorizó el inicio de sesión. No se guardó ningún dato.",
  },
  Configuration: {
    title: "El servicio de ingreso no está disponible",
    body: "Hay un problema de configuración del portal. Intente más tarde.",
  },
};

const FALLBACK = { title: "No se pudo iniciar sesión", body: "Ocurrió un problema al iniciar sesión con ClaveÚnica. Intente nuevamente." };

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const msg = (error && MESSAGES[error]) || FALLBACK;
  return (
    <>
      <PageHeader title="No se pudo iniciar sesión" />
      <Alert tone="danger" title={msg.title}>
        {msg.body}
      </Alert>
      <p>
        <Link href="/ingresar">Volver a intentar</Link> · <Link href="/">Ir al inicio</Link>
      </p>
    </>
  );
}
