import type { OnboardingStage } from "@/lib/generated/prisma/enums";
import { ONBOARDING_STAGES } from "@/lib/institutions/labels";

/**
 * "2025" or, once passed for an institution not in production, "2025: vencido" (in words, not only
 * in colour); with `label`, "Plazo 2025: vencido".
 */
export function DeadlineText({ deadline, label = false }: { deadline: { year: number; passed: boolean }; label?: boolean }) {
  const text = `${label ? "Plazo " : ""}${deadline.year}`;
  return deadline.passed ? (
    <span className="font-bold text-danger">
      <span aria-hidden="true">⚠ </span>
      {text}: vencido
    </span>
  ) : (
    <>{text}</>
  );
}

/**
 * The stages of joining the network, as a list of steps: a numbered (or checked) marker and the
 * stage's name, the current one marked with aria-current="step" and said in words. Plain text,
 * not boxes: nothing here is a button.
 */
export function StageSteps({ current }: { current: OnboardingStage }) {
  const index = ONBOARDING_STAGES.findIndex((stage) => stage.stage === current);
  return (
    <ol className="flex flex-wrap gap-x-6 gap-y-3" aria-label="Etapas de incorporación">
      {ONBOARDING_STAGES.map((stage, i) => {
        const state = i < index ? "completada" : i === index ? "etapa actual" : "pendiente";
        return (
          <li key={stage.stage} aria-current={i === index ? "step" : undefined} className="flex items-center gap-2 text-sm">
            <span
              aria-hidden="true"
              className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                i < index ? "bg-success text-white" : i === index ? "bg-primary text-white" : "border border-ink-muted text-ink-muted"
              }`}
            >
              {i < index ? "✓" : i + 1}
            </span>
            <span className={i === index ? "font-bold text-ink" : i < index ? "text-ink" : "text-ink-muted"}>
              {stage.label} <span className="text-xs font-normal">({state})</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
