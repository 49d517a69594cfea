"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * The header's white band. On a wide screen it shows everything: the brand, the account's links
 * and, below, the main navigation. On a narrow one (under `md`) the account's links and the
 * navigation fold behind a "Menú" button (the WAI-ARIA disclosure pattern): `aria-expanded` says
 * whether they are shown, `aria-controls` names both, Escape closes them and gives the focus back
 * to the button, and moving to another page closes them.
 */
export function HeaderMenu({ brand, account, nav }: { brand: ReactNode; account: ReactNode; nav: ReactNode }) {
  const id = useId();
  const accountId = `${id}-cuenta`;
  const navId = `${id}-navegacion`;
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

  // A new page: the menu that led there has done its job.
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="border-b border-line bg-white">
      <div className="container-page flex flex-wrap items-center justify-between gap-x-4 gap-y-3 py-3 md:py-4">
        {brand}
        <button
          ref={button}
          type="button"
          className="inline-flex items-center gap-2 rounded border-2 border-primary px-3 py-1.5 font-medium text-primary hover:bg-primary-light md:hidden"
          aria-expanded={open}
          aria-controls={`${accountId} ${navId}`}
          onClick={() => setOpen((was) => !was)}
        >
          <span aria-hidden="true" className="text-lg leading-none">
            {open ? "✕" : "☰"}
          </span>
          Menú
        </button>
        <div id={accountId} className={`${open ? "flex" : "hidden"} w-full flex-col items-start gap-3 md:flex md:w-auto md:flex-row md:flex-wrap md:items-center`}>
          {account}
        </div>
      </div>
      <nav id={navId} aria-label="Principal" className={`${open ? "block" : "hidden"} bg-primary md:block`}>
        {nav}
      </nav>
    </div>
  );
}
