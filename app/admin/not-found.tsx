import Link from "next/link";
import { RefusedPageTitle } from "@/components/layout/RefusedPageTitle";
import { PageHeader } from "@/components/ui/PageHeader";

/** Anyone but the platform team: the console does not exist for them. */
export default function AdminNotFound() {
  return (
    <>
      <RefusedPageTitle />
      <PageHeader title="Página no encontrada" lead="La página no existe, o su cuenta no tiene acceso a ella." />
      <p>
        Puede revisar sus roles en <Link href="/cuenta">Mi cuenta</Link> o volver al <Link href="/">inicio</Link>.
      </p>
    </>
  );
}
