import type { ReactNode } from "react";
import { Section } from "@/components/ui/Section";
import { Table } from "@/components/ui/Table";
import type { ApiReference, OperationView, SchemaView } from "@/lib/api/reference";

/** Text of the OpenAPI descriptions: paragraphs, with `code` in backticks. */
function RichText({ text, className }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim());
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} className={className}>
          {p.split(/(`[^`]+`)/).map((part, j) =>
            part.startsWith("`") && part.endsWith("`") && part.length > 2 ? (
              <code key={j} className="wrap-anywhere rounded bg-surface px-1 font-mono text-[0.9em]">
                {part.slice(1, -1)}
              </code>
            ) : (
              part
            ),
          )}
        </p>
      ))}
    </>
  );
}

const METHOD_TONES: Record<string, string> = {
  GET: "border-primary bg-primary-light text-primary-dark",
  POST: "border-success bg-success-light text-success",
  PUT: "border-warning bg-warning-light text-warning",
  PATCH: "border-warning bg-warning-light text-warning",
  DELETE: "border-danger bg-danger-light text-danger",
};

function Method({ method }: { method: string }) {
  return (
    <span className={`inline-block min-w-[4.5rem] rounded border px-2 py-0.5 text-center font-mono text-sm font-bold ${METHOD_TONES[method] ?? "border-line bg-surface text-ink"}`}>
      {method}
    </span>
  );
}

const schemaAnchor = (name: string) => `esquema-${name}`;

/** "texto", "objeto (Agreement)" with the link to the schema, and its rules. */
function TypeLine({ schema }: { schema: SchemaView }) {
  return (
    <>
      <span className="font-medium">{schema.type}</span>
      {schema.ref && (
        <>
          {" "}
          (<a href={`#${schemaAnchor(schema.ref)}`}>{schema.ref}</a>)
        </>
      )}
      {schema.rules.length > 0 && (
        <span className="text-ink-muted">
          {"; "}
          {schema.rules.map((rule, i) => (
            <span key={i} className="wrap-anywhere">
              {i > 0 && "; "}
              {rule}
            </span>
          ))}
        </span>
      )}
      {schema.example !== undefined && (
        <span className="text-ink-muted">
          {"; ejemplo: "}
          <code className="wrap-anywhere font-mono">{schema.example}</code>
        </span>
      )}
    </>
  );
}

/** A schema's shape: its fields (each with its own shape), a list's elements, its alternatives. */
function Fields({ schema }: { schema: SchemaView }) {
  return (
    <>
      {schema.properties && schema.properties.length > 0 && (
        <ul className="ml-1 mt-2 space-y-2 border-l-2 border-line pl-4">
          {schema.properties.map((p) => (
            <li key={p.name}>
              <code className="wrap-anywhere font-mono font-bold">{p.name}</code>{" "}
              <span className="text-ink-muted">({p.required ? "obligatorio" : "opcional"})</span>: <TypeLine schema={p.schema} />
              {p.schema.description && <RichText text={p.schema.description} className="text-ink-muted" />}
              <Fields schema={p.schema} />
            </li>
          ))}
        </ul>
      )}
      {schema.items && (schema.items.properties || schema.items.variants) && (
        <div className="mt-2">
          <p className="text-sm text-ink-muted">Cada elemento:</p>
          <Fields schema={schema.items} />
        </div>
      )}
      {schema.variants && (
        <ol className="ml-1 mt-2 list-decimal space-y-2 border-l-2 border-line pl-8">
          {schema.variants.map((v, i) => (
            <li key={i}>
              <TypeLine schema={v} />
              {v.description && <RichText text={v.description} className="text-ink-muted" />}
              <Fields schema={v} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** A whole schema: its type line and description, then its shape. */
function SchemaBlock({ schema }: { schema: SchemaView }) {
  return (
    <div className="space-y-2">
      <p>
        <TypeLine schema={schema} />
      </p>
      {schema.description && <RichText text={schema.description} className="text-ink-muted" />}
      <Fields schema={schema} />
    </div>
  );
}

function SubHeading({ children }: { children: ReactNode }) {
  return <h4 className="mb-2 mt-5 text-lg font-bold">{children}</h4>;
}

function OperationArticle({ op }: { op: OperationView }) {
  const titleId = `${op.id}-titulo`;
  return (
    <article id={op.id} aria-labelledby={titleId} className="scroll-mt-4 rounded border border-line p-4">
      <h3 id={titleId} className="text-xl font-bold">
        {op.summary}
      </h3>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <Method method={op.method} />
        <code className="wrap-anywhere font-mono">{op.path}</code>
      </p>
      <p className="mt-2 text-sm">
        {op.session ? "Requiere una sesión iniciada con ClaveÚnica en el portal." : "Pública: no requiere sesión."}
      </p>
      <RichText text={op.description} className="mt-2" />

      {op.parameters.length > 0 && (
        <>
          <SubHeading>Parámetros</SubHeading>
          {/* A list rather than a table: patterns are long and a phone has no room for four columns. */}
          <ul className="ml-1 space-y-2 border-l-2 border-line pl-4">
            {op.parameters.map((p) => (
              <li key={`${p.in}-${p.name}`}>
                <code className="wrap-anywhere font-mono font-bold">{p.name}</code>{" "}
                <span className="text-ink-muted">
                  (en la {p.in === "path" ? "ruta" : "consulta"}, {p.required ? "obligatorio" : "opcional"})
                </span>
                : <TypeLine schema={{ ...p.schema, description: undefined }} />
                {p.schema.description && <RichText text={p.schema.description} className="text-ink-muted" />}
              </li>
            ))}
          </ul>
        </>
      )}

      {op.body && (
        <>
          <SubHeading>
            Cuerpo de la solicitud (<code className="font-mono">{op.body.media}</code>)
          </SubHeading>
          <SchemaBlock schema={op.body.schema} />
        </>
      )}

      <SubHeading>Respuesta exitosa: {op.success.status}</SubHeading>
      {op.success.schema?.ref ? (
        // A named schema is described once, in the schemas section.
        <div>
          <p>
            <TypeLine schema={{ ...op.success.schema, rules: [] }} />
          </p>
          {op.success.schema.description && <RichText text={op.success.schema.description} className="text-ink-muted" />}
        </div>
      ) : op.success.schema ? (
        <SchemaBlock schema={op.success.schema} />
      ) : op.success.media ? (
        <p>
          Un archivo <code className="font-mono">{op.success.media}</code>.
        </p>
      ) : (
        <p>Sin cuerpo.</p>
      )}

      {op.errors.length > 0 && (
        <>
          <SubHeading>Errores</SubHeading>
          <Table caption={`Errores de ${op.method} ${op.path}`} columns={["Estado", "Código", "Cuándo"]}>
            {op.errors.flatMap((e) =>
              e.codes.map((c, i) => (
                <tr key={`${e.status}-${c.code}`} className="border-b border-line align-top">
                  <td className="py-2 pr-4">{i === 0 ? e.status : <span className="sr-only">{e.status}</span>}</td>
                  <td className="py-2 pr-4">
                    <code className="wrap-anywhere font-mono">{c.code}</code>
                  </td>
                  <td className="py-2">{c.description}</td>
                </tr>
              )),
            )}
          </Table>
        </>
      )}
    </article>
  );
}

/** The API reference: how to call it, an index, every operation by tag, and the schemas. */
export function ApiReferenceView({ reference, specUrl }: { reference: ApiReference; specUrl: string }) {
  const count = reference.tags.reduce((n, t) => n + t.operations.length, 0);
  return (
    <div className="space-y-10">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">Documentación de la API</h1>
        <p className="text-lg">{reference.title}</p>
        <p className="text-sm text-ink-muted">
          Versión {reference.version} · OpenAPI {reference.openapi} · {count} operaciones
        </p>
        <RichText text={reference.description} />
        <p>
          La especificación completa, para importarla en herramientas como Postman o generar clientes, está en{" "}
          <a href={specUrl}>
            <code className="font-mono">{specUrl}</code>
          </a>
          .
        </p>
      </div>

      <nav aria-labelledby="indice-api">
        <h2 id="indice-api" className="mb-4 text-2xl font-bold">
          Índice
        </h2>
        <ul className="grid gap-4 md:grid-cols-2">
          {reference.tags.map((tag) => (
            <li key={tag.id}>
              <a href={`#${tag.id}`} className="font-bold">
                {tag.name}
              </a>
              <ul className="ml-4 mt-1 list-disc space-y-1 pl-4 text-sm">
                {tag.operations.map((op) => (
                  <li key={op.id}>
                    <a href={`#${op.id}`}>
                      <span className="font-mono">{op.method}</span> <span className="wrap-anywhere font-mono">{op.path}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#esquemas" className="font-bold">
              Esquemas
            </a>
          </li>
        </ul>
      </nav>

      {reference.tags.map((tag) => (
        <Section key={tag.id} id={tag.id} title={tag.name} className="scroll-mt-4 space-y-6">
          {tag.description && <RichText text={tag.description} />}
          {tag.operations.map((op) => (
            <OperationArticle key={op.id} op={op} />
          ))}
        </Section>
      ))}

      <Section id="esquemas" title="Esquemas" className="scroll-mt-4 space-y-6">
        <p>Los objetos que las operaciones reciben y devuelven, por su nombre en la especificación.</p>
        {reference.schemas.map(({ name, schema }) => (
          <section key={name} id={schemaAnchor(name)} aria-labelledby={`${schemaAnchor(name)}-titulo`} className="scroll-mt-4 rounded border border-line p-4">
            <h3 id={`${schemaAnchor(name)}-titulo`} className="font-mono text-xl font-bold">
              {name}
            </h3>
            <SchemaBlock schema={schema} />
          </section>
        ))}
      </Section>
    </div>
  );
}
