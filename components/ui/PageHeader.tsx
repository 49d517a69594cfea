import type { ReactNode } from "react";

export function PageHeader({ title, lead, children }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  return (
    <header className="mb-8">
      <h1 className="text-3xl font-bold sm:text-4xl">{title}</h1>
      {lead && <p className="mt-3 max-w-3xl text-lg text-ink-muted">{lead}</p>}
      {children}
    </header>
  );
}
