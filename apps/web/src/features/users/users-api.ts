import { OkSchema } from "../../../../../packages/contracts/src/common.ts";
import {
  type AddGrantInput,
  type CreateUserInput,
  type UpdateUserInput,
  UserContactSchema,
  UserListSchema,
  UserSchema,
} from "../../../../../packages/contracts/src/users.ts";
import { api } from "../../api/client.ts";

export type UserListQuery = { q?: string | undefined; page: number; pageSize: number };

export const userKeys = {
  all: ["users"] as const,
  list: (query: UserListQuery) => [...userKeys.all, "list", query] as const,
};

export const usersApi = {
  list: (query: UserListQuery, signal?: AbortSignal) => api.get("/api/users", UserListSchema, query, signal),
  create: (input: CreateUserInput) => api.post("/api/users", UserSchema, input),
  update: (id: string, input: UpdateUserInput) => api.patch(`/api/users/${id}`, UserSchema, input),
  resetPassword: (id: string, newPassword: string) =>
    api.post(`/api/users/${id}/reset-password`, OkSchema, { newPassword }),
  /** Unmasked phone number; the server writes an audit entry for every call. */
  contact: (id: string) => api.get(`/api/users/${id}/contact`, UserContactSchema),
  addGrant: (id: string, input: AddGrantInput) => api.post(`/api/users/${id}/grants`, UserSchema, input),
  removeGrant: (id: string, grantId: string) => api.delete(`/api/users/${id}/grants/${grantId}`, UserSchema),
};
