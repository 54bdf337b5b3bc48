import { DATA_ROUTES } from "./route-spec-data.ts";
import { OFFICE_ROUTES } from "./route-spec-office.ts";
import { SERVICE_ROUTES } from "./route-spec-services.ts";
import type { Spec } from "./route-spec-types.ts";

/** The route table shared by the authorization matrix and the second-tenant test, in two parts by area. */
export const SPEC: Record<string, Spec> = { ...OFFICE_ROUTES, ...SERVICE_ROUTES, ...DATA_ROUTES };
