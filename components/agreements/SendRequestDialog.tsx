"use client";

import type { FormEvent } from "react";
import { ConfirmDialog } from "@/components/forms/ConfirmDialog";
import { AGREEMENT_TRANSITIONS } from "@/lib/agreements/transitions";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import type { Environment } from "@/lib/generated/prisma/enums";
import type { AgreementFormService } from "./form-values";

/** "¿Enviar la solicitud?": to whom, what and on whose behalf, and what follows (review, or in force at once for open data). */
export function SendRequestDialog({
  open,
  service,
  environment,
  consumer,
  pending,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  service: AgreementFormService;
  environment: Environment | "";
  consumer: string | undefined;
  pending: boolean;
  onConfirm: (e: FormEvent) => unknown;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog
      open={open}
      ids="enviar"
      title="¿Enviar la solicitud?"
      text={
        <>
          <p>
            Se enviará a {service.provider.name} la solicitud de acceso a «{service.name}» ({environment ? ENVIRONMENT_LABELS[environment] : ""}) en nombre de {consumer}.
          </p>
          <p>{service.openData ? "Es un servicio de datos abiertos: el acuerdo quedará vigente de inmediato, sin revisión ni firmas." : AGREEMENT_TRANSITIONS.submit.confirm}</p>
        </>
      }
      yes="Sí, enviar"
      pending={pending}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
