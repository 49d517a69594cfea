import type { ComponentProps, ReactNode } from "react";

const tones = {
  info: "border-primary bg-primary-light",
  success: "border-success bg-success-light",
  warning: "border-warning bg-warning-light",
  danger: "border-danger bg-danger-light",
} as const;

/** A notice of the page: a status (an alert when it is an error), with an optional bold title. Other props go to its box (a ref, tabIndex, data-*). */
export function Alert({
  tone = "info",
  title,
  children,
  ...box
}: { tone?: keyof typeof tones; title?: string; children: ReactNode } & Omit<ComponentProps<"div">, "title" | "role" | "className" | "children">) {
  return (
    <div {...box} className={`mb-6 rounded border-l-4 p-4 ${tones[tone]}`} role={tone === "danger" ? "alert" : "status"}>
      {title && <p className="font-bold">{title}</p>}
      <div>{children}</div>
    </div>
  );
}
