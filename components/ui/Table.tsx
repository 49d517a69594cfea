import { useId, type ReactNode } from "react";
import { ScrollBox } from "./ScrollBox";

/**
 * A table of the portal: its caption (for screen readers, unless `captionClassName` shows it),
 * a header row of column headings and the body's rows (`children`), in a box that scrolls
 * sideways on narrow screens (`ScrollBox`: it says so, and takes the focus, only when the table
 * does not fit). `wrapperClassName` adds to that box (a margin, say).
 */
export function Table({
  caption,
  columns,
  captionClassName = "sr-only",
  className = "w-full border-collapse text-left",
  wrapperClassName,
  children,
}: {
  caption: ReactNode;
  columns: ReactNode[];
  captionClassName?: string;
  className?: string;
  wrapperClassName?: string;
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <ScrollBox labelledBy={captionId} className={wrapperClassName}>
      <table className={className}>
        <caption id={captionId} className={captionClassName}>
          {caption}
        </caption>
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
    </ScrollBox>
  );
}
