import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/**
 * What `load` gives, or the 404 page when the service answers `not_found`: what a person may
 * not see (a draft of another institution, an agreement they are no party to) does not exist for them.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (isAppError(err, "not_found")) notFound();
    throw err;
  }
}

/** A page's title from what it shows, or `fallback` when that cannot be loaded (the page itself then answers 404). */
export async function titleOr(load: () => Promise<{ name: string }>, fallback: string): Promise<{ title: string }> {
  try {
    return { title: (await load()).name };
  } catch {
    return { title: fallback };
  }
}
