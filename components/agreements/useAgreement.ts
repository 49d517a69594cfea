"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { getJson } from "@/components/forms/api";
import type { TAgreement } from "@/lib/agreements/schemas";

const agreementKey = (id: string) => ["agreement", id] as const;

/**
 * The agreement its page shows, in react-query's cache: first as the server rendered it, then as
 * each action or upload answers it (the API returns the whole updated agreement, so nothing is
 * fetched again). Kept only while the page is open; a new rendering of the page replaces it.
 */
export function useAgreement(initial: TAgreement): TAgreement {
  const client = useQueryClient();
  useEffect(() => {
    client.setQueryData(agreementKey(initial.id), initial);
  }, [client, initial]);
  const { data } = useQuery({
    queryKey: agreementKey(initial.id),
    queryFn: ({ signal }) => getJson<TAgreement>(`/api/v1/agreements/${initial.id}`, signal),
    initialData: initial,
    staleTime: Infinity,
    gcTime: 0,
  });
  return data;
}

/** Puts the agreement an action or an upload answered where its page reads it. */
export function useShowAgreement(): (agreement: TAgreement) => void {
  const client = useQueryClient();
  return (agreement) => client.setQueryData(agreementKey(agreement.id), agreement);
}
