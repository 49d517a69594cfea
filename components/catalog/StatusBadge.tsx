import { Badge } from "@/components/ui/Badge";
import { CLASSIFICATION_LABELS, STATUS_LABELS } from "@/lib/catalog/labels";
import type { Classification, LifecycleStatus } from "@/lib/generated/prisma/enums";

const STATUS_TONES = { DRAFT: "info", PUBLISHED: "success", DEPRECATED: "warning", RETIRED: "neutral" } as const;

/** A lifecycle status: always its word, the colour only adds to it. */
export function StatusBadge({ status }: { status: LifecycleStatus }) {
  return (
    <Badge tone={STATUS_TONES[status]}>
      <span className="sr-only">Estado: </span>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

const CLASSIFICATION_TONES = { PERSONAL: "warning", SENSIBLE: "danger", ESTADISTICO: "neutral", SECRETO: "danger", RESERVADO: "danger", OTRO: "neutral" } as const;

/** A data classification; sensitive data is spelled out (consent is required), never only red. */
export function ClassificationBadge({ classification }: { classification: Classification }) {
  return (
    <Badge tone={CLASSIFICATION_TONES[classification]}>
      <span className="sr-only">Clasificación: </span>
      {classification === "SENSIBLE" ? (
        <>
          <span aria-hidden="true" className="mr-1 font-bold">
            !
          </span>
          Sensible: requiere consentimiento
        </>
      ) : (
        CLASSIFICATION_LABELS[classification]
      )}
    </Badge>
  );
}
