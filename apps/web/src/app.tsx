import { Button, Result } from "antd";
import { lazy, Suspense } from "react";
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from "react-router-dom";
import { LoginPage } from "./features/auth/login-page.tsx";
import { SessionProvider, useSession } from "./features/auth/session.tsx";
import { CatalogBundlesPage } from "./features/catalog/catalog-bundles-page.tsx";
import { CatalogItemPage } from "./features/catalog/catalog-item-page.tsx";
import { CatalogListPage } from "./features/catalog/catalog-list-page.tsx";
import { CatalogMetricsPage } from "./features/catalog/catalog-metrics-page.tsx";
import { PublicBundlePage, PublicBundlesPage } from "./features/catalog/public-bundles-page.tsx";
import { PublicCatalogPage } from "./features/catalog/public-catalog-page.tsx";
import { PublicItemGuidePage } from "./features/catalog/public-item-guide-page.tsx";
import { PublicDataPage } from "./features/open-data/public-data-page.tsx";
import { PublicDatasetPage } from "./features/open-data/public-dataset-page.tsx";
import { AppLayout } from "./layout/app-layout.tsx";
import { NotFoundPage, PageLoading } from "./shared/results.tsx";

// Pages load on demand so the login screen ships without tables, trees and pickers.
const WorkbenchPage = lazy(() =>
  import("./features/home/workbench-page.tsx").then((m) => ({ default: m.WorkbenchPage })),
);
const OrgPage = lazy(() => import("./features/org/org-page.tsx").then((m) => ({ default: m.OrgPage })));
const UsersPage = lazy(() => import("./features/users/users-page.tsx").then((m) => ({ default: m.UsersPage })));
const ApiKeysPage = lazy(() =>
  import("./features/api-keys/api-keys-page.tsx").then((m) => ({ default: m.ApiKeysPage })),
);
const AuditPage = lazy(() => import("./features/audit/audit-page.tsx").then((m) => ({ default: m.AuditPage })));
const JobRunsPage = lazy(() => import("./features/jobs/job-runs-page.tsx").then((m) => ({ default: m.JobRunsPage })));
const WorkOrdersPage = lazy(() =>
  import("./features/work-orders/work-orders-page.tsx").then((m) => ({ default: m.WorkOrdersPage })),
);
const WorkOrderDetailPage = lazy(() =>
  import("./features/work-orders/work-order-detail-page.tsx").then((m) => ({ default: m.WorkOrderDetailPage })),
);
const WorkOrderMetricsPage = lazy(() =>
  import("./features/work-orders/work-order-metrics-page.tsx").then((m) => ({ default: m.WorkOrderMetricsPage })),
);
const BudgetPage = lazy(() => import("./features/budget/budget-page.tsx").then((m) => ({ default: m.BudgetPage })));
const EvaluationsPage = lazy(() =>
  import("./features/evaluations/evaluations-page.tsx").then((m) => ({ default: m.EvaluationsPage })),
);
const ReportsPage = lazy(() => import("./features/reports/reports-page.tsx").then((m) => ({ default: m.ReportsPage })));
const RatingsPage = lazy(() => import("./features/ratings/ratings-page.tsx").then((m) => ({ default: m.RatingsPage })));
const PublicRatePage = lazy(() =>
  import("./features/ratings/public-rate-page.tsx").then((m) => ({ default: m.PublicRatePage })),
);
const PublicDisclosurePage = lazy(() =>
  import("./features/ratings/public-disclosure-page.tsx").then((m) => ({ default: m.PublicDisclosurePage })),
);
const PublicTrackPage = lazy(() =>
  import("./features/public-status/public-track-page.tsx").then((m) => ({ default: m.PublicTrackPage })),
);

const PublicBookingPage = lazy(() =>
  import("./features/appointments/public-booking-page.tsx").then((m) => ({ default: m.PublicBookingPage })),
);
const HallBoardPage = lazy(() =>
  import("./features/appointments/hall-board-page.tsx").then((m) => ({ default: m.HallBoardPage })),
);
const HallWindowPage = lazy(() =>
  import("./features/appointments/hall-window-page.tsx").then((m) => ({ default: m.HallWindowPage })),
);
const OnlineCasesPage = lazy(() =>
  import("./features/online-cases/online-cases-page.tsx").then((m) => ({ default: m.OnlineCasesPage })),
);
const DeferralsPage = lazy(() =>
  import("./features/deferrals/deferrals-page.tsx").then((m) => ({ default: m.DeferralsPage })),
);
const CreditFlagsPage = lazy(() =>
  import("./features/deferrals/credit-flags-page.tsx").then((m) => ({ default: m.CreditFlagsPage })),
);
const HallMetricsPage = lazy(() =>
  import("./features/appointments/hall-metrics-page.tsx").then((m) => ({ default: m.HallMetricsPage })),
);

const DataResourcesPage = lazy(() =>
  import("./features/data/data-resources-page.tsx").then((m) => ({ default: m.DataResourcesPage })),
);
const RequestsPage = lazy(() => import("./features/data/requests-page.tsx").then((m) => ({ default: m.RequestsPage })));
const ExchangeLogPage = lazy(() =>
  import("./features/data/exchange-log-page.tsx").then((m) => ({ default: m.ExchangeLogPage })),
);
const StatisticsPage = lazy(() =>
  import("./features/data/statistics-page.tsx").then((m) => ({ default: m.StatisticsPage })),
);
const BatchesPage = lazy(() => import("./features/data/batches-page.tsx").then((m) => ({ default: m.BatchesPage })));
const CredentialsPage = lazy(() =>
  import("./features/data/credentials-page.tsx").then((m) => ({ default: m.CredentialsPage })),
);
const SystemsPage = lazy(() => import("./features/data/systems-page.tsx").then((m) => ({ default: m.SystemsPage })));
const ResourcePage = lazy(() => import("./features/data/resource-page.tsx").then((m) => ({ default: m.ResourcePage })));
const CockpitPage = lazy(() =>
  import("./features/dashboard/cockpit-page.tsx").then((m) => ({ default: m.CockpitPage })),
);
const AppealsPage = lazy(() =>
  import("./features/dashboard/appeals-page.tsx").then((m) => ({ default: m.AppealsPage })),
);
const HallSetupPage = lazy(() =>
  import("./features/appointments/hall-setup-page.tsx").then((m) => ({ default: m.HallSetupPage })),
);

function FullPageLoading() {
  return (
    <div style={{ height: "100vh", display: "flex", alignItems: "center", justifyContent: "center" }}>
      <PageLoading />
    </div>
  );
}

/**
 * Everything but /login: waits for /api/auth/me, then shows the layout or sends the visitor to sign
 * in. `bare` pages (the big-screen cockpit) fill the window without the side menu.
 */
function RequireAuth({ bare = false }: { bare?: boolean }) {
  const { state, refresh } = useSession();
  const location = useLocation();
  switch (state.status) {
    case "loading":
      return <FullPageLoading />;
    case "error":
      return (
        <Result
          status="error"
          title="无法连接服务器"
          subTitle={state.message}
          extra={
            <Button type="primary" onClick={() => void refresh()}>
              重试
            </Button>
          }
        />
      );
    case "anonymous":
      return (
        <Navigate
          to="/login"
          replace
          state={state.loggedOut ? undefined : { from: `${location.pathname}${location.search}` }}
        />
      );
    case "authenticated":
      return bare ? <Outlet /> : <AppLayout />;
  }
}

/** The session (GET /api/auth/me) exists only for staff pages: citizens' pages never ask who is signed in. */
function SessionLayout() {
  return (
    <SessionProvider>
      <Outlet />
    </SessionProvider>
  );
}

function LoginRoute() {
  const { state } = useSession();
  return state.status === "loading" ? <FullPageLoading /> : <LoginPage />;
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Suspense fallback={<FullPageLoading />}>
        <Routes>
          {/* Citizen-facing pages: outside the auth guard and the admin layout. */}
          <Route path="/public/track" element={<PublicTrackPage />} />
          <Route path="/public/rate" element={<PublicRatePage />} />
          <Route path="/public/ratings" element={<PublicDisclosurePage />} />
          <Route path="/public/appointments" element={<PublicBookingPage />} />
          <Route path="/public/halls/:id/board" element={<HallBoardPage />} />
          <Route path="/public/catalog" element={<PublicCatalogPage />} />
          <Route path="/public/data" element={<PublicDataPage />} />
          <Route path="/public/data/:name" element={<PublicDatasetPage />} />
          <Route path="/public/catalog/items/:code" element={<PublicItemGuidePage />} />
          <Route path="/public/catalog/bundles" element={<PublicBundlesPage />} />
          <Route path="/public/catalog/bundles/:code" element={<PublicBundlePage />} />
          <Route path="/public/*" element={<NotFoundPage />} />
          <Route element={<SessionLayout />}>
            <Route path="/login" element={<LoginRoute />} />
            <Route element={<RequireAuth bare />}>
              <Route path="cockpit" element={<CockpitPage />} />
            </Route>
            <Route element={<RequireAuth />}>
              <Route index element={<WorkbenchPage />} />
              <Route path="org" element={<OrgPage />} />
              <Route path="users" element={<UsersPage />} />
              <Route path="api-keys" element={<ApiKeysPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="jobs" element={<JobRunsPage />} />
              <Route path="work-orders" element={<WorkOrdersPage />} />
              <Route path="work-orders/metrics" element={<WorkOrderMetricsPage />} />
              <Route path="work-orders/:id" element={<WorkOrderDetailPage />} />
              <Route path="budget" element={<BudgetPage />} />
              <Route path="budget/:year" element={<BudgetPage />} />
              <Route path="evaluations" element={<EvaluationsPage />} />
              <Route path="evaluations/:id" element={<EvaluationsPage />} />
              <Route path="reports" element={<ReportsPage />} />
              <Route path="ratings" element={<RatingsPage />} />
              <Route path="online-cases" element={<OnlineCasesPage />} />
              <Route path="hall/window" element={<HallWindowPage />} />
              <Route path="hall/metrics" element={<HallMetricsPage />} />
              <Route path="hall/deferrals" element={<DeferralsPage />} />
              <Route path="credit-flags" element={<CreditFlagsPage />} />
              <Route path="hall/setup" element={<HallSetupPage />} />
              <Route path="catalog" element={<CatalogListPage />} />
              <Route path="catalog/items/:id" element={<CatalogItemPage />} />
              <Route path="catalog/metrics" element={<CatalogMetricsPage />} />
              <Route path="catalog/bundles" element={<CatalogBundlesPage />} />
              <Route path="data" element={<Navigate to="/data/resources" replace />} />
              <Route path="data/resources" element={<DataResourcesPage />} />
              <Route path="data/resources/:code" element={<ResourcePage />} />
              <Route path="data/requests" element={<RequestsPage />} />
              <Route path="data/exchange-log" element={<ExchangeLogPage />} />
              <Route path="data/credentials" element={<CredentialsPage />} />
              <Route path="data/systems" element={<SystemsPage />} />
              <Route path="data/statistics" element={<StatisticsPage />} />
              <Route path="data/statistics/batches" element={<BatchesPage />} />
              <Route path="appeals" element={<AppealsPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
