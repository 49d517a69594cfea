import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/PageHeader";

export const metadata: Metadata = { title: "Dirección no válida", robots: { index: false } };

/**
 * Shown (status 400, by proxy.ts) for an address whose percent-encoding cannot be decoded, such
 * as one cut off when copied from an e-mail or a document.
 */
export default function InvalidAddress() {
  return (
    <>
      <PageHeader
        title="Dirección no válida"
        lead="La dirección que abrió tiene caracteres mal codificados, por ejemplo porque se cortó al copiarla desde un correo o un documento."
      />
      <p>
        Revise la dirección completa, o vuelva al <Link href="/">inicio</Link> o al <Link href="/instituciones">listado de instituciones</Link>.
      </p>
    </>
  );
}
