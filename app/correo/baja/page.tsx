import type { Metadata } from "next";
import Link from "next/link";
import { UnsubscribeButton } from "@/components/account/MailLinkButtons";
import { Alert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/PageHeader";
import { describeUnsubscribeLink } from "@/lib/account/service";

export const metadata: Metadata = { title: "Dejar de recibir correos", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Where every mail's unsubscribe link leads. Opening it changes nothing: the person decides with
 * the button. Legal deadlines keep arriving; /cuenta reactivates the rest.
 */
export default async function UnsubscribePage({ searchParams }: Props) {
  const t = (await searchParams).t;
  const token = typeof t === "string" ? t : "";
  const link = token ? await describeUnsubscribeLink(token) : null;
  return (
    <>
      <PageHeader title="Dejar de recibir correos" lead="Los correos del portal de la Red de Interoperabilidad del Estado: avisos sobre acuerdos, solicitudes y roles." />
      {!link ? (
        <Alert tone="warning" title="Este enlace no es válido">
          <p>
            Copie el enlace completo desde el correo, o ingrese al portal y use «Dejar de recibir correos» en <Link href="/cuenta">Mi cuenta</Link>.
          </p>
        </Alert>
      ) : (
        <div className="max-w-3xl">
          {link.optedOut && (
            <Alert tone="info" title="Ya había pedido no recibir correos">
              <p>No le enviamos correos, salvo los de plazos legales. Puede confirmarlo de nuevo si quiere.</p>
            </Alert>
          )}
          <p className="mb-2">Si deja de recibirlos, los avisos seguirán en el portal, pero no le llegarán por correo.</p>
          <p className="mb-6">
            <strong>Los avisos de plazos legales le llegarán igual:</strong> la ley obliga a avisarlos. Para volver a recibir todo, use «Volver a recibir correos» en{" "}
            <Link href="/cuenta">Mi cuenta</Link>.
          </p>
          <UnsubscribeButton token={token} />
        </div>
      )}
    </>
  );
}
