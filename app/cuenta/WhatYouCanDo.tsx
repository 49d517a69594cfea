import Link from "next/link";
import type { Actor } from "@/lib/auth/session";
import { Section } from "@/components/ui/Section";

/**
 * What a person who just signed in can do here, by what they are: every person (the public
 * catalog and the data directory; their consents and who read their data come with the
 * consent issue), staff (their institutions' area) and the platform team (its console).
 */
export function WhatYouCanDo({ actor }: { actor: Pick<Actor, "memberships" | "isPlatformAdmin"> }) {
  const staff = actor.memberships.length > 0;
  return (
    <Section id="titulo-que-puede-hacer" title="Qué puede hacer aquí" className="mb-10 rounded-lg border-2 border-primary p-5" headingClassName="mb-3 text-2xl font-bold">
      {!staff && !actor.isPlatformAdmin && (
        <p className="mb-4">
          Este portal es el de la Red de Interoperabilidad del Estado, por la que las instituciones públicas intercambian los datos que ya tienen, para no
          volver a pedírselos a las personas. Como persona, aquí puede conocer qué se intercambia, quién lo ofrece y bajo qué reglas.
        </p>
      )}
      <ul className="space-y-4">
        <li>
          <Link href="/catalogo" className="font-bold">
            Catálogo de Servicios
          </Link>
          <p className="text-ink-muted">Los servicios que cada institución ofrece a las demás: qué datos entregan, para qué trámites y con qué compromisos.</p>
        </li>
        <li>
          <Link href="/datos" className="font-bold">
            Directorio de Datos
          </Link>
          <p className="text-ink-muted">
            Cada dato que circula por la red: qué es, qué institución responde por él y cómo se clasifica. Los datos <strong>personales</strong> solo se
            entregan para trámites que la ley autoriza, y los <strong>sensibles</strong> (como los de salud) exigen además su consentimiento.
          </p>
        </li>
        <li>
          <span className="font-bold">Sus consentimientos y quién consultó sus datos</span>
          <p className="text-ink-muted">
            Pronto podrá otorgar o revocar con ClaveÚnica su consentimiento para que se obtengan sus datos sensibles, y ver qué institución consultó sus datos y
            cuándo. Estas funciones están en desarrollo.
          </p>
        </li>
        {staff && (
          <li>
            <Link href="/institucion" className="font-bold">
              Mis instituciones
            </Link>
            <p className="text-ink-muted">El catálogo, los datos, los acuerdos y los nodos de las instituciones en que trabaja.</p>
          </li>
        )}
        {actor.isPlatformAdmin && (
          <li>
            <Link href="/admin" className="font-bold">
              Consola de la plataforma
            </Link>
            <p className="text-ink-muted">Mediaciones, trabajos programados y, en solo lectura, el área de cada institución.</p>
          </li>
        )}
      </ul>
    </Section>
  );
}
