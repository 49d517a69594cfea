import { Badge } from "@/components/ui/Badge";

/** The person's role in the institution and what it lets them do here. */
export function RoleNote({ roleLabel, canEdit, oversight = false }: { roleLabel: string; canEdit: boolean; oversight?: boolean }) {
  return (
    <p className="mt-3 flex flex-wrap items-center gap-2 text-ink-muted">
      <span>Su rol:</span>
      <Badge tone={canEdit ? "info" : "neutral"}>{roleLabel}</Badge>
      <span>
        {canEdit
          ? "Puede crear, editar, publicar y retirar servicios y datos."
          : oversight
            ? "Solo lectura: el equipo de la plataforma ve el área de la institución, sin sus borradores ni los datos sobre personas, y no actúa por ella."
            : "Solo lectura: puede ver todo, incluidos los borradores, pero no modificarlo."}
      </span>
    </p>
  );
}
