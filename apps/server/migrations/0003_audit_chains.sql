CREATE TABLE "audit_chains" (
	"tenant_id" uuid NOT NULL,
	"stream" integer NOT NULL,
	"seq" bigint NOT NULL,
	"head" text NOT NULL,
	CONSTRAINT "audit_chains_tenant_id_stream_pk" PRIMARY KEY("tenant_id","stream")
);
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_tenant_seq_uq";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "stream" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_chains" ADD CONSTRAINT "audit_chains_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The single per-tenant chain written so far becomes stream 0; new entries go to streams 1..16.
INSERT INTO "audit_chains" ("tenant_id", "stream", "seq", "head") SELECT "id", 0, "audit_seq", "audit_head" FROM "tenants" WHERE "audit_seq" > 0;--> statement-breakpoint
ALTER TABLE "tenants" DROP COLUMN "audit_seq";--> statement-breakpoint
ALTER TABLE "tenants" DROP COLUMN "audit_head";--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_chain_seq_uq" UNIQUE("tenant_id","stream","seq");