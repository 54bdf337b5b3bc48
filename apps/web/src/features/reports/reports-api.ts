import {
  CheckResultSchema,
  ParagraphListSchema,
  ReportPreviewSchema,
} from "../../../../../packages/contracts/src/reports.ts";
import { api, uploadFile } from "../../api/client.ts";

const TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  txt: "text/plain",
};

export const reportKeys = {
  all: ["reports"] as const,
  preview: (year: number) => [...reportKeys.all, "preview", year] as const,
  paragraphs: (year: number) => [...reportKeys.all, "paragraphs", year] as const,
};

export const reportsApi = {
  preview: (year: number, signal?: AbortSignal) =>
    api.get(`/api/reports/${year}`, ReportPreviewSchema, undefined, signal),
  docxUrl: (year: number) => `/api/reports/${year}/report.docx`,
  pdfUrl: (year: number) => `/api/reports/${year}/report.pdf`,
  paragraphs: (year: number, signal?: AbortSignal) =>
    api.get(`/api/reports/${year}/paragraphs`, ParagraphListSchema, undefined, signal),
  saveParagraph: (year: number, key: string, text: string) =>
    api.put(`/api/reports/${year}/paragraphs/${key}`, ParagraphListSchema, { text }),
  resetParagraph: (year: number, key: string) =>
    api.delete(`/api/reports/${year}/paragraphs/${key}`, ParagraphListSchema),
  check: (file: File) => {
    const ext = file.name.split(".").pop()?.toLowerCase() ?? "";
    return uploadFile("/api/reports/check", file, TYPES[ext] ?? "application/octet-stream", CheckResultSchema, {
      fileName: file.name,
    });
  },
};
