import type { ReactNode } from "react";

/**
 * A table of the portal: its caption (for screen readers, unless `captionClassName` shows it),
 * a header row of column headings and the body's rows (`children`), in a box that scrolls
 * sideways on narrow screens (`wrapperClassName`; null: no box, the caller's scrolls).
 */
export function Table({
  caption,
  columns,
  captionClassName = "sr-only",
  className = "w-full border-collapse text-left",
  wrapperClassName = "overflow-x-auto",
  children,
}: {
  caption: ReactNode;
  columns: ReactNode[];
  captionClassName?: string;
  className?: string;
  wrapperClassName?: string | null;
  children: ReactNode;
}) {
  const table = (
    <table className={className}>
      <caption className={captionClassName}>{caption}</caption>
      <thead>
        <tr className="border-b-2 border-tertiary">
          {columns.map((column, i) => (
            // The columns are fixed for a table: their place is their identity.
            <th key={i} scope="col" className={i < columns.length - 1 ? "py-2 pr-4" : "py-2"}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return wrapperClassName === null ? table : <div className={wrapperClassName}>{table}</div>;
}
