import Link from "next/link";
import type { ComponentPropsWithRef, ReactNode } from "react";

const variants = {
  primary: "bg-primary text-white hover:bg-primary-dark border-primary",
  secondary: "bg-white text-primary border-primary hover:bg-primary-light",
  light: "bg-white text-tertiary border-white hover:bg-primary-light",
} as const;

const base = "inline-flex items-center justify-center gap-2 rounded border-2 px-4 py-2 font-medium no-underline transition-colors disabled:opacity-60";

export function Button({ variant = "primary", className = "", ...props }: ComponentPropsWithRef<"button"> & { variant?: keyof typeof variants }) {
  return <button className={`${base} ${variants[variant]} ${className}`} {...props} />;
}

export function ButtonLink({ href, variant = "primary", children }: { href: string; variant?: keyof typeof variants; children: ReactNode }) {
  return (
    <Link href={href} className={`${base} ${variants[variant]} hover:text-inherit`}>
      {children}
    </Link>
  );
}
