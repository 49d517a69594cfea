import { Badge } from "@/components/ui/Badge";

/** The person's role in the institution and what it lets them do here. */
export function RoleNote({ roleLabel, canEdit }: { roleLabel: string; canEdit: boolean }) {
  return (
    <p className="mt-3 flex flex-wrap items-center gap-2 text-ink-muted">
      <span>Su rol:</span>
      <Badge tone={canEdit ? "info" : "neutral"}>{roleLabel}</Badge>
      <span>{canEdit ? "Puede crear, editar, publicar y retirar servicios y datos." : "Solo lectura: puede ver todo, incluidos los borradores, pero no modificarlo."}</span>
    </p>
  );
}
