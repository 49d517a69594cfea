import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Badge } from "@/components/ui/Badge";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { Table } from "@/components/ui/Table";
import { Alert } from "@/components/ui/Alert";
import type { TSentMail } from "@/lib/account/schemas";
import { listSentMails } from "@/lib/account/service";
import { getCurrentActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Correos enviados" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TONES: Record<TSentMail["status"], "success" | "info" | "warning" | "neutral"> = {
  ENVIADO: "success",
  AGRUPADO: "success",
  PENDIENTE: "info",
  EN_RESUMEN: "info",
  DESCARTADO: "warning",
};

/** What the portal sent (or meant to send) to the signed-in person, newest first, 20 a page; never a link's token. */
export default async function SentMailsPage({ searchParams }: Props) {
  const actor = await getCurrentActor();
  if (!actor) redirect("/ingresar?desde=/cuenta/correos");
  const sp = await searchParams;
  const cursor = typeof sp.desde === "string" && sp.desde ? sp.desde : undefined;
  let badCursor = false;
  let page: Awaited<ReturnType<typeof listSentMails>>;
  try {
    page = await listSentMails(actor, cursor);
  } catch (err) {
    if (!isAppError(err, "validation_failed")) throw err;
    badCursor = true;
    page = await listSentMails(actor);
  }
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: "/cuenta", label: "Mi cuenta" }, { label: "Correos enviados" }]} />
      <PageHeader
        title="Correos enviados"
        lead="Los correos que el portal le envió, o quiso enviarle, del más reciente al más antiguo: a qué dirección, cuándo y en qué quedó cada uno."
      >
        <p className="mt-3">
          <Link href="/cuenta">Cambiar sus direcciones o cómo recibe los correos</Link>
        </p>
      </PageHeader>
      {badCursor && (
        <Alert tone="warning" title="La dirección de la página no es válida">
          Se muestran los correos más recientes.
        </Alert>
      )}
      <h2 id="titulo-lista" className="mb-3 text-2xl font-bold">
        {cursor && !badCursor ? "Correos anteriores" : "Correos más recientes"}
      </h2>
      {page.data.length === 0 ? (
        <p>{cursor && !badCursor ? "No hay correos más antiguos." : "El portal aún no le ha enviado correos."}</p>
      ) : (
        <Table caption="Correos enviados, del más reciente al más antiguo" columns={["Fecha", "Asunto", "Dirección", "Estado"]}>
          {page.data.map((m) => (
            <tr key={m.id} className="border-b border-line align-top">
              <td className="py-3 pr-4 whitespace-nowrap">{formatDateTime(new Date(m.createdAt))}</td>
              <th scope="row" className="py-3 pr-4 font-normal">
                <span className="font-medium">{m.subject}</span>
                {m.legal && (
                  <>
                    {" "}
                    <Badge tone="info">Plazo legal</Badge>
                  </>
                )}
                {m.link && (
                  <p className="mt-1">
                    <a href={m.link}>
                      Abrir en el portal<span className="sr-only">: {m.subject}</span>
                    </a>
                  </p>
                )}
                {m.text ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer">
                      Ver el texto<span className="sr-only"> de «{m.subject}»</span>
                    </summary>
                    <pre className="mt-2 max-w-prose font-sans text-sm break-words whitespace-pre-wrap">{m.text}</pre>
                  </details>
                ) : (
                  <p className="mt-1 text-sm text-ink-muted">El texto no se muestra: llevaba un enlace de un solo uso.</p>
                )}
              </th>
              <td className="py-3 pr-4 break-all">{m.toAddress ?? "—"}</td>
              <td className="py-3">
                <Badge tone={TONES[m.status]}>{m.statusText}</Badge>
                {m.sentAt && <p className="mt-1 text-sm text-ink-muted">Enviado el {formatDateTime(new Date(m.sentAt))}</p>}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {(page.nextCursor || cursor) && (
        <nav aria-label="Paginación" className="mt-6">
          <ul className="flex flex-wrap gap-6">
            {cursor && (
              <li>
                <Link href="/cuenta/correos">Volver a los más recientes</Link>
              </li>
            )}
            {page.nextCursor && (
              <li>
                <Link href={`/cuenta/correos?desde=${encodeURIComponent(page.nextCursor)}`} rel="next">
                  Ver correos anteriores
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}
