/**
 * The error summary at the top of a form or page (GOV.UK / gob.cl pattern): announced to screen
 * readers, focusable, with a link to each field in error.
 */
export function ErrorSummary({
  title = "Hay problemas con los datos ingresados",
  issues,
  id = "resumen-errores",
}: {
  title?: string;
  issues: { field?: string; message: string }[];
  /** Unique per page when a page has several forms. */
  id?: string;
}) {
  if (issues.length === 0) return null;
  return (
    <div role="alert" aria-labelledby={id} tabIndex={-1} className="mb-6 rounded border-l-4 border-danger bg-danger-light p-4">
      <h2 id={id} className="font-sans text-lg font-bold text-danger">
        {title}
      </h2>
      <ul className="mt-2 list-disc pl-5">
        {issues.map((i) => (
          <li key={`${i.field}-${i.message}`}>{i.field ? <a href={`#${i.field}`}>{i.message}</a> : i.message}</li>
        ))}
      </ul>
    </div>
  );
}
