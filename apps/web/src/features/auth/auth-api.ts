import { type ChangePasswordInput, type LoginInput, MeSchema } from "../../../../../packages/contracts/src/auth.ts";
import { OkSchema } from "../../../../../packages/contracts/src/common.ts";
import { api } from "../../api/client.ts";

export const authApi = {
  me: (signal?: AbortSignal) => api.get("/api/auth/me", MeSchema, undefined, signal),
  login: (input: LoginInput) => api.post("/api/auth/login", MeSchema, input),
  logout: () => api.post("/api/auth/logout", OkSchema),
  changePassword: (input: ChangePasswordInput) => api.post("/api/auth/password", OkSchema, input),
};
