import type { ReactNode } from "react";

const tones = {
  info: "border-primary bg-primary-light",
  success: "border-success bg-success-light",
  warning: "border-warning bg-warning-light",
  danger: "border-danger bg-danger-light",
} as const;

export function Alert({ tone = "info", title, children }: { tone?: keyof typeof tones; title?: string; children: ReactNode }) {
  return (
    <div className={`mb-6 rounded border-l-4 p-4 ${tones[tone]}`} role={tone === "danger" ? "alert" : "status"}>
      {title && <p className="font-bold">{title}</p>}
      <div>{children}</div>
    </div>
  );
}
