import Link from "next/link";
import { RefusedPageTitle } from "@/components/layout/RefusedPageTitle";
import { PageHeader } from "@/components/ui/PageHeader";

export default function NotFound() {
  return (
    <>
      <RefusedPageTitle />
      <PageHeader title="Página no encontrada" lead="La dirección que buscó no existe o cambió." />
      <p>
        Puede volver al <Link href="/">inicio</Link> o buscar en el <Link href="/instituciones">listado de instituciones</Link>.
      </p>
    </>
  );
}
