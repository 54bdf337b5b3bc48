-- The 决算 statement's totals as the department entered them (issue 16), kept beside the project
-- records instead of being recomputed from them: when the two disagree the report states the 决算
-- figures and warns, it never prints a sum of its own. NULL means "not entered".
ALTER TABLE "budget_years" ADD COLUMN IF NOT EXISTS "final_revenue_fen" bigint;
--> statement-breakpoint
ALTER TABLE "budget_years" ADD COLUMN IF NOT EXISTS "final_opening_balance_fen" bigint;
--> statement-breakpoint
ALTER TABLE "budget_years" ADD COLUMN IF NOT EXISTS "final_expenditure_fen" bigint;
--> statement-breakpoint
ALTER TABLE "budget_years" ADD COLUMN IF NOT EXISTS "final_basic_fen" bigint;
--> statement-breakpoint
ALTER TABLE "budget_years" ADD COLUMN IF NOT EXISTS "final_project_fen" bigint;
--> statement-breakpoint
ALTER TABLE "budget_years" ADD COLUMN IF NOT EXISTS "final_closing_balance_fen" bigint;
