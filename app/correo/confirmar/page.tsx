import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmAddressButton } from "@/components/account/MailLinkButtons";
import { Alert } from "@/components/ui/Alert";
import { PageHeader } from "@/components/ui/PageHeader";
import { describeConfirmationLink } from "@/lib/account/service";

export const metadata: Metadata = { title: "Confirmar su dirección de correo", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Where a confirmation mail's link leads. Opening it changes nothing (mail scanners open links):
 * the person confirms with the button. A link that cannot be used says so and what to do.
 */
export default async function ConfirmAddressPage({ searchParams }: Props) {
  const t = (await searchParams).t;
  const token = typeof t === "string" ? t : "";
  const link = token ? await describeConfirmationLink(token) : null;
  return (
    <>
      <PageHeader title="Confirmar su dirección de correo" lead="El portal de la Red de Interoperabilidad del Estado solo envía correos a direcciones confirmadas por su dueño o dueña." />
      {link ? (
        <div className="max-w-3xl">
          <p className="mb-2">
            Va a confirmar <strong data-testid="direccion">{link.address}</strong>{" "}
            {link.kind === "own" ? "como su dirección de correo en el portal." : `como su dirección institucional en ${link.institutionName ?? "su institución"}.`}
          </p>
          <p className="mb-6">Si no reconoce este registro, cierre esta página: sin confirmar, no le enviaremos correos a esta dirección.</p>
          <ConfirmAddressButton token={token} />
        </div>
      ) : (
        <Alert tone="warning" title="Este enlace ya no sirve">
          <p>
            El enlace no es válido, ya se usó o venció (vale 7 días). Si necesita uno nuevo, ingrese al portal y vuelva a guardar la dirección en{" "}
            <Link href="/cuenta">Mi cuenta</Link>; si se la registró su institución, pida a su administrador/a que la guarde de nuevo.
          </p>
        </Alert>
      )}
    </>
  );
}
