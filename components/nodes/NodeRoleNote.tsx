import { Badge } from "@/components/ui/Badge";

/** The person's role in the institution and what it lets them do with its nodes. */
export function NodeRoleNote({ roleLabel, canManage }: { roleLabel: string; canManage: boolean }) {
  return (
    <p className="mt-3 flex flex-wrap items-center gap-2 text-ink-muted">
      <span>Su rol:</span>
      <Badge tone={canManage ? "info" : "neutral"}>{roleLabel}</Badge>
      <span>{canManage ? "Puede registrar nodos, rotar sus claves y revocarlos." : "Solo lectura: puede ver los nodos y sus claves públicas; los gestionan los/as administradores/as."}</span>
    </p>
  );
}
