import { Navigate, RouterProvider, createBrowserRouter, type RouteObject } from 'react-router';
import { adminRoutes } from './admin/admin-routes';
import { agentRoutes } from './agent/agent-routes';
import { billingRoutes } from './billing/billing-routes';
import { platformRoutes } from './platform/platform-routes';
import { reportsRoutes } from './reports/reports-routes';
import { AuthProvider, createAuthStore, homeOf, useAuth } from './core/auth-context';
import { Layout } from './core/layout';
import { NotFoundPage } from './core/not-found-page';
import { RequireRole } from './core/require-role';
import { SignInPage } from './core/sign-in-page';
import { ToastProvider } from './core/ui/toast';

function Home() {
  const { session } = useAuth();
  return <Navigate to={session ? homeOf[session.role] : '/login'} replace />;
}

/** The client routes; the server answers index.html for these prefixes (src/http/web-app). */
export const routes: RouteObject[] = [
  { path: '/', element: <Home /> },
  { path: '/login', element: <SignInPage /> },
  {
    element: <Layout />,
    children: [
      { path: '/agent', element: <RequireRole role="AGENT" />, children: agentRoutes },
      {
        path: '/admin',
        element: <RequireRole role="MERCHANT" />,
        children: [...adminRoutes, { path: 'billing', children: billingRoutes }, { path: 'reports', children: reportsRoutes }],
      },
      { path: '/platform', element: <RequireRole role="ADMIN" />, children: platformRoutes },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

const router = createBrowserRouter(routes);
const auth = createAuthStore();

export function App() {
  return (
    <AuthProvider store={auth}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </AuthProvider>
  );
}
