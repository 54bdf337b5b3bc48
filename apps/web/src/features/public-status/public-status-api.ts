import { PublicStatusSchema } from "../../../../../packages/contracts/src/work-orders.ts";
import { api } from "../../api/client.ts";

export const publicStatusApi = {
  /** No session needed; answers 404 unless the number and the phone's last 4 digits match. */
  lookup: (number: string, phoneTail: string) =>
    api.get(`/api/public/work-orders/${encodeURIComponent(number)}`, PublicStatusSchema, { phoneTail }),
};
