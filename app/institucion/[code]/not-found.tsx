import Link from "next/link";
import { RefusedPageTitle } from "@/components/layout/RefusedPageTitle";
import { PageHeader } from "@/components/ui/PageHeader";

/**
 * What a staff page answers when there is nothing to show this person: the page does not exist,
 * or their account has no access to this institution or to this action. The same answer in
 * every case, so it reveals nothing about what exists.
 */
export default function StaffNotFound() {
  return (
    <>
      <RefusedPageTitle />
      <PageHeader title="Página no encontrada" lead="La página no existe, o su cuenta no tiene acceso a ella." />
      <div className="max-w-3xl space-y-4">
        <p>
          Las páginas de gestión de una institución solo están disponibles para sus funcionarios/as, y crear o editar servicios y datos, gestionar
          acuerdos y registrar nodos solo para sus administradores/as. Si trabaja en esta institución y necesita acceso, pídalo a su administrador/a.
        </p>
        <p>
          Puede revisar sus roles en <Link href="/cuenta">Mi cuenta</Link> o volver al <Link href="/">inicio</Link>.
        </p>
      </div>
    </>
  );
}
