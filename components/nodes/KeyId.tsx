/**
 * A key id (its RFC 7638 thumbprint, 43 characters) shortened on screen; the whole value stays in
 * the title (pointer users) and is what screen readers read.
 */
export function KeyId({ kid, chars = 10 }: { kid: string; chars?: number }) {
  if (kid.length <= chars + 1) return <code>{kid}</code>;
  return (
    <code title={kid} className="whitespace-nowrap">
      <span aria-hidden="true">{kid.slice(0, chars)}…</span>
      <span className="sr-only">{kid}</span>
    </code>
  );
}
