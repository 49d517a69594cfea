import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/catalog/StatusBadge";
import { TransitionActions, type TransitionOption } from "@/components/catalog/TransitionActions";
import { DoneNotice } from "@/components/ui/useDoneNotice";
import { ButtonLink } from "@/components/ui/Button";
import { ACTION_LABELS, type LifecycleAction } from "@/lib/catalog/lifecycle";
import type { LifecycleStatus } from "@/lib/generated/prisma/enums";
import type { TransitionTable } from "@/lib/lifecycle/state-machine";

/** The top of a service's or a data item's manage page, and its lifecycle actions. */

type Entry = { id: string; name: string; status: LifecycleStatus; allowedActions: string[] };

const WORDS = {
  service: { subject: "el servicio", this: "este servicio", where: "el catálogo público", endpoint: "services" },
  dataItem: { subject: "el dato", this: "este dato", where: "el Directorio de Datos público", endpoint: "data-items" },
} as const;

/** The lifecycle actions `allowedActions` lists, with their words from the entity's table. */
export function transitionOptions(entry: Entry, table: TransitionTable<LifecycleStatus, LifecycleAction>): TransitionOption[] {
  return entry.allowedActions
    .filter((action): action is LifecycleAction => action in table)
    .map((action) => ({ action, label: ACTION_LABELS[action], verb: table[action].verb, confirm: table[action].confirm, reasonRequired: table[action].reasonRequired }));
}

/**
 * The name, the status and other badges, the id; the notice of the step that led here; and the
 * box with "Editar", the public page (or why there is none yet) and the state changes (or why
 * the person can make none).
 */
export function ManagedEntryTop({
  kind,
  entry,
  badges,
  notice,
  canEdit,
  institutionName,
  href,
  publicHref,
  actions,
}: {
  kind: keyof typeof WORDS;
  entry: Entry;
  /** Shown after the status. */
  badges: ReactNode;
  notice: string | null;
  canEdit: boolean;
  institutionName: string;
  /** The manage page and the public one. */
  href: string;
  publicHref: string;
  actions: TransitionOption[];
}) {
  const words = WORDS[kind];
  const Subject = words.subject.charAt(0).toUpperCase() + words.subject.slice(1);
  return (
    <>
      <header className="mb-6">
        <h1 className="text-3xl font-bold sm:text-4xl">{entry.name}</h1>
        <p className="mt-3 flex flex-wrap items-center gap-2">
          <StatusBadge status={entry.status} />
          {badges}
          <code className="text-ink-muted">{entry.id}</code>
        </p>
      </header>

      {notice && <DoneNotice pageNotice>{notice}</DoneNotice>}

      <div className="mb-8 space-y-4 rounded-lg border border-line bg-surface p-4">
        <div className="flex flex-wrap items-center gap-3">
          {canEdit && entry.status !== "RETIRED" && (
            <ButtonLink href={`${href}/editar`} variant="secondary">
              Editar<span className="sr-only"> {entry.name}</span>
            </ButtonLink>
          )}
          {entry.status === "DRAFT" ? (
            <span className="text-ink-muted">Aún no aparece en {words.where}: es un borrador.</span>
          ) : (
            <Link href={publicHref}>Ver en {words.where}</Link>
          )}
        </div>
        {canEdit ? (
          // Always there (with no buttons once retired), so that the notice of the last action stays and keeps the focus.
          <TransitionActions
            endpoint={`/api/v1/${words.endpoint}/${entry.id}/transitions`}
            subject={words.subject}
            actions={actions}
            empty={<p className="text-ink-muted">{Subject} está retirado: ya no admite cambios de estado ni ediciones.</p>}
          />
        ) : (
          <p className="text-ink-muted">
            Solo lectura: solo un/a administrador/a de {institutionName} puede editar {words.this} o cambiar su estado.
          </p>
        )}
      </div>
    </>
  );
}

/** An edit page's heading, with the name, status and id of what is being edited. */
export function EditHeader({ title, entry }: { title: string; entry: Pick<Entry, "id" | "name" | "status"> }) {
  return (
    <header className="mb-6">
      <h1 className="text-3xl font-bold sm:text-4xl">{title}</h1>
      <p className="mt-3 flex flex-wrap items-center gap-2 text-lg text-ink-muted">
        {entry.name} <StatusBadge status={entry.status} /> <code className="text-base">{entry.id}</code>
      </p>
    </header>
  );
}
