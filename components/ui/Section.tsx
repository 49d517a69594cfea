import type { ReactNode } from "react";

/** A section of a page named by its heading (`aria-labelledby`), a level-2 heading by default styled as most pages do. */
export function Section({
  id,
  title,
  className,
  headingClassName = "mb-4 text-2xl font-bold",
  children,
}: {
  /** The heading's id. */
  id: string;
  title: ReactNode;
  className?: string;
  headingClassName?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className={headingClassName}>
        {title}
      </h2>
      {children}
    </section>
  );
}
