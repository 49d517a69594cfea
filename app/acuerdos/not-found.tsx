import Link from "next/link";
import { RefusedPageTitle } from "@/components/layout/RefusedPageTitle";
import { PageHeader } from "@/components/ui/PageHeader";

/**
 * What an agreement page answers when there is nothing to show this person: it does not exist,
 * or they are not a party to it. The same answer in both cases, so it reveals nothing.
 */
export default function AgreementNotFound() {
  return (
    <>
      <RefusedPageTitle />
      <PageHeader title="Página no encontrada" lead="La página no existe, o su cuenta no tiene acceso a ella." />
      <div className="max-w-3xl space-y-4">
        <p>
          Un acuerdo solo lo ven los funcionarios/as de las dos instituciones que son parte de él y el equipo de la plataforma. Si trabaja en una de ellas,
          revise sus roles en <Link href="/cuenta">Mi cuenta</Link>.
        </p>
        <p>
          Puede buscar servicios en el <Link href="/catalogo">Catálogo de Servicios</Link> o volver al <Link href="/">inicio</Link>.
        </p>
      </div>
    </>
  );
}
