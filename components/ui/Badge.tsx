import type { ReactNode } from "react";

const tones = {
  neutral: "bg-surface text-ink border-line",
  info: "bg-primary-light text-primary-dark border-primary/30",
  success: "bg-success-light text-success border-success/30",
  warning: "bg-warning-light text-warning border-warning/30",
  danger: "bg-danger-light text-danger border-danger/30",
} as const;

export function Badge({ tone = "neutral", children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded border px-2 py-0.5 text-sm font-medium ${tones[tone]}`}>{children}</span>;
}
