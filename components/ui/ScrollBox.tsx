"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

type Overflow = { scrolls: boolean; atStart: boolean; atEnd: boolean };
const FITS: Overflow = { scrolls: false, atStart: true, atEnd: true };

/**
 * The box a wide table scrolls in, sideways, on a narrow screen. It is `relative`, so the text
 * hidden for screen readers inside it (`sr-only`, absolutely positioned) stays inside the box
 * instead of widening the page. Only while its content is wider than it is, the box says so:
 * a "desliza" hint, a shade on the side that has more, and it becomes a named region
 * (`labelledBy`: the table's caption) that takes the focus, so the arrow keys scroll it.
 */
export function ScrollBox({ labelledBy, className = "", children }: { labelledBy: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState<Overflow>(FITS);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      const next = { scrolls, atStart: box.scrollLeft <= 1, atEnd: box.scrollLeft + box.clientWidth >= box.scrollWidth - 1 };
      setOverflow((prev) => (prev.scrolls === next.scrolls && prev.atStart === next.atStart && prev.atEnd === next.atEnd ? prev : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    box.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener("scroll", measure);
    };
  }, []);

  return (
    <div className={className}>
      {overflow.scrolls && (
        <p className="mb-1 text-sm text-ink-muted" aria-hidden="true">
          Deslice la tabla hacia el lado para ver todas sus columnas →
        </p>
      )}
      <div className="relative">
        <div
          ref={ref}
          className="relative overflow-x-auto"
          data-scrolls={overflow.scrolls ? "true" : undefined}
          {...(overflow.scrolls ? { role: "region", tabIndex: 0, "aria-labelledby": labelledBy } : {})}
        >
          {children}
        </div>
        {overflow.scrolls && !overflow.atStart && (
          <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 left-0 w-6 bg-linear-to-r from-tertiary/20 to-transparent" />
        )}
        {overflow.scrolls && !overflow.atEnd && (
          <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-0 w-6 bg-linear-to-l from-tertiary/20 to-transparent" />
        )}
      </div>
    </div>
  );
}
