"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation the focus would stay on the link that was followed (gone with
 * the old page, so on <body>): a keyboard or screen reader user would start again from the top
 * without hearing where they landed. This moves it to the new page's notice when it shows one
 * (the step that led here: `data-page-notice`, see DoneNotice), else to its main heading, else
 * to `<main>` (the skip link's target). Not on the first load: the browser's own start is kept.
 * The page's title is the new page's (Next.js's metadata); refused pages set theirs with
 * RefusedPageTitle.
 */
export function RouteFocus() {
  const pathname = usePathname();
  const previous = useRef(pathname);

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const focusLanding = () => {
      const main = document.getElementById("contenido");
      const target = main?.querySelector<HTMLElement>("[data-page-notice]") ?? main?.querySelector<HTMLElement>("h1") ?? main;
      if (!target) return;
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    };
    focusLanding();
    // Once more on the next frame if something else (the router's scroll handling) dropped it.
    const frame = requestAnimationFrame(() => {
      if (!document.activeElement || document.activeElement === document.body) focusLanding();
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);

  return null;
}
