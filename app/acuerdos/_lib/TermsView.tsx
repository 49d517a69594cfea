import "server-only";
import Link from "next/link";
import { TermsText } from "@/components/agreements/TermsText";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { formatDate } from "@/lib/format";
import { Section } from "@/components/ui/Section";

type Terms = { version: number; title: string; text: string; sha256: string; createdAt: Date };

/** A version of the network's standard terms, read-only, with its SHA-256 (what agreements fix and heads of service sign). */
export function StandardTermsView({ terms, latest }: { terms: Terms; latest: number }) {
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { label: `Términos estándar, versión ${terms.version}` }]} />
      <PageHeader title={terms.title} lead={`Versión ${terms.version}, publicada el ${formatDate(terms.createdAt)}. Un acuerdo aceptado con los términos estándar fija esta versión y su huella.`}>
        {terms.version !== latest && (
          <p className="mt-3">
            Hay una versión más reciente: <Link href={`/acuerdos/terminos/${latest}`}>versión {latest}</Link>.
          </p>
        )}
      </PageHeader>
      <Section id="titulo-huella" title="Huella SHA-256 del texto" className="mb-8 max-w-3xl rounded-lg border border-line bg-surface p-4" headingClassName="font-sans text-lg font-bold text-ink">
        <p className="mt-1">
          <code className="break-all">{terms.sha256}</code>
        </p>
        <p className="mt-1 text-sm text-ink-muted">Es la huella que queda registrada en el acuerdo y en cada firma.</p>
      </Section>
      <TermsText text={terms.text} title={terms.title} />
    </>
  );
}
