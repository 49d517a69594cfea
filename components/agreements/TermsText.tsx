import type { ReactNode } from "react";

/** `**bold**` spans as <strong>; everything else stays text (React escapes it: no HTML gets through). */
function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*)/g).map((part, i) => (part.startsWith("**") && part.endsWith("**") && part.length > 4 ? <strong key={i}>{part.slice(2, -2)}</strong> : part));
}

/**
 * The standard terms' Markdown-ish text, safely: paragraphs split on blank lines, `#` headings
 * as subheadings (the first one, the document's title, is left out: the page's h1 says it),
 * bold spans; no HTML is ever interpreted.
 */
export function TermsText({ text, title }: { text: string; title: string }) {
  const blocks = text
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <div className="max-w-3xl space-y-4">
      {blocks.map((block, i) => {
        const heading = /^(#{1,6})\s+(.*)$/s.exec(block);
        if (heading) {
          const content = heading[2]!.replace(/\n/g, " ");
          if (i === 0 && content.trim() === title.trim()) return null;
          return (
            <h2 key={i} className="pt-2 text-2xl font-bold">
              {inline(content)}
            </h2>
          );
        }
        return (
          <p key={i} className="whitespace-pre-line">
            {inline(block)}
          </p>
        );
      })}
    </div>
  );
}
