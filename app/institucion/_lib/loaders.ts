import "server-only";
import { cache } from "react";
import { getService } from "@/lib/catalog/service";
import { getDataItem } from "@/lib/data-directory/service";
import { orNotFound } from "../../_lib/not-found";
import { SERVICE_NAME_PATTERN, SERVICE_VERSION_PATTERN } from "@pisee/node-agent/shared";
import { requireStaff, segment } from "./staff";

/** The staff gate, then the service (drafts included for members); 404 otherwise. Once per request. */
export const loadManagedService = cache(async (rawCode: string, rawService: string, rawVersion: string, path: string) => {
  const ctx = await requireStaff(rawCode, path);
  const code = segment(rawService, SERVICE_NAME_PATTERN);
  const version = segment(rawVersion, SERVICE_VERSION_PATTERN);
  const service = await orNotFound(getService(`${ctx.institution.code}/${code}/${version}`, ctx.actor));
  return { ...ctx, service, version, href: `/institucion/${ctx.institution.code}/servicios/${service.code}/${version}` };
});

/** The staff gate, then the data item (drafts included for members); 404 otherwise. Once per request. */
export const loadManagedDataItem = cache(async (rawCode: string, rawItem: string, path: string) => {
  const ctx = await requireStaff(rawCode, path);
  const code = segment(rawItem, SERVICE_NAME_PATTERN);
  const item = await orNotFound(getDataItem(`${ctx.institution.code}/${code}`, ctx.actor));
  return { ...ctx, item, href: `/institucion/${ctx.institution.code}/datos/${item.code}` };
});
