import type { Metadata } from "next";
import Link from "next/link";
import { TextField } from "@/components/forms/fields";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Button } from "@/components/ui/Button";
import { PageHeader } from "@/components/ui/PageHeader";
import { Section } from "@/components/ui/Section";
import { Table } from "@/components/ui/Table";
import { plural } from "@/lib/format";
import { findInstitutionsForPeople } from "@/lib/institutions/members";
import { requirePlatform } from "../_lib/platform";

export const metadata: Metadata = { title: "Personas de las instituciones" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The platform team's way to any institution's people: a search by name or code (without one,
 * the institutions that already have people in the portal), each linking to its «Personas» page.
 */
export default async function AdminPeoplePage({ searchParams }: Props) {
  const actor = await requirePlatform("/admin/personas");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) || undefined;
  const rows = await findInstitutionsForPeople(actor, q);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: "/admin", label: "Consola de la plataforma" }, { label: "Personas de las instituciones" }]} />
      <PageHeader
        title="Personas de las instituciones"
        lead="Agregue a la primera persona administradora de una institución, cambie roles o designe su jefatura de servicio, a petición de la institución."
      />
      <form method="get" action="/admin/personas" role="search" aria-label="Buscar una institución" className="mb-8 flex max-w-2xl flex-wrap items-end gap-3">
        <TextField id="q" name="q" label="Institución (nombre o código)" defaultValue={q ?? ""} className="min-w-64 flex-1" autoComplete="off" />
        <Button type="submit">Buscar</Button>
      </form>
      <Section id="titulo-resultados" title={q ? `Instituciones que coinciden con «${q}»` : "Instituciones con personas en el portal"}>
        {rows.length === 0 ? (
          <p>{q ? "Ninguna institución coincide con esa búsqueda." : "Ninguna institución tiene aún personas en el portal."}</p>
        ) : (
          <Table caption={q ? `Instituciones que coinciden con «${q}» (hasta 50)` : "Instituciones con personas en el portal"} columns={["Institución", "Código", "Personas"]}>
            {rows.map((r) => (
              <tr key={r.code} className="border-b border-line align-top">
                <th scope="row" className="py-3 pr-4 text-left font-normal">
                  <Link href={`/institucion/${r.code}/personas`}>{r.name}</Link>
                </th>
                <td className="py-3 pr-4">
                  <code>{r.code}</code>
                </td>
                <td className="py-3">{plural(r.members, "persona", "personas")}</td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
