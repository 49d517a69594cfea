import type { TAgreement } from "@/lib/agreements/schemas";
import { agreementSteps, deadlineBar, stepStateWords } from "@/lib/agreements/progress";
import { businessDays } from "./labels";

/**
 * Where the request stands: an ordered list of its steps, the current one marked with
 * aria-current="step" and, for everyone, with words ("etapa actual", "completada", "pendiente")
 * besides the colour and the mark.
 */
export function AgreementProgress({ agreement }: { agreement: TAgreement }) {
  const steps = agreementSteps(
    agreement.status,
    agreement.events.map((event) => event.action),
  );
  return (
    <nav aria-labelledby="titulo-etapas" className="mb-8">
      <h2 id="titulo-etapas" className="mb-3 font-sans text-lg font-bold">
        Etapas de la solicitud
      </h2>
      <ol className="flex flex-wrap gap-2" data-testid="agreement-steps">
        {steps.map((step, i) => {
          const style =
            step.state === "current"
              ? "border-primary bg-primary text-white"
              : step.state === "done"
                ? "border-success bg-success-light text-ink"
                : "border-line bg-surface text-ink-muted";
          return (
            <li key={step.key} aria-current={step.state === "current" ? "step" : undefined} className={`flex items-center gap-2 rounded border-2 px-3 py-1.5 text-sm ${style}`}>
              <span aria-hidden="true" className="font-bold">
                {step.state === "done" ? "✓" : `${i + 1}.`}
              </span>
              <span className={step.state === "current" ? "font-bold" : undefined}>{step.label}</span>
              <span className="text-xs">({stepStateWords(step.state)})</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** The business days of the answer deadline as a bar: used of the total, and what is left or how late it is, in words. */
export function DeadlineBarView({ left, extended }: { left: number; extended: boolean }) {
  const bar = deadlineBar(left, extended);
  const text = bar.overdue ? `Plazo vencido hace ${businessDays(-bar.left)}` : bar.left === 0 ? "Vence hoy" : `Quedan ${businessDays(bar.left)} de ${bar.total}`;
  const fill = bar.overdue ? "bg-danger" : bar.left <= 3 ? "bg-warning" : "bg-primary";
  return (
    <div className="mt-2">
      <p className={`text-xl font-bold ${bar.overdue ? "text-danger" : "text-ink"}`} data-testid="deadline-text">
        {bar.overdue && <span aria-hidden="true">⚠ </span>}
        {text}
      </p>
      <div
        role="progressbar"
        aria-label="Días hábiles del plazo transcurridos"
        aria-valuemin={0}
        aria-valuemax={bar.total}
        aria-valuenow={bar.used}
        aria-valuetext={`${bar.used} de ${bar.total} días hábiles transcurridos. ${text}.`}
        className="mt-2 h-3 w-full max-w-md overflow-hidden rounded-full border border-ink-muted bg-white"
      >
        <div className={`h-full ${fill}`} style={{ width: `${bar.percentUsed}%` }} />
      </div>
      <p className="mt-1 text-sm">
        {bar.used} de {bar.total} días hábiles transcurridos
      </p>
    </div>
  );
}
