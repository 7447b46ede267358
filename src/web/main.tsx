/** Entry of the web app: server state (TanStack Query), toasts and the router. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { setUnauthenticatedHandler } from './api/client';
import { shouldRetry } from './api/queries';
import { router } from './app';
import { ToastProvider } from './components/toast';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 20_000, refetchOnWindowFocus: true },
    mutations: { retry: false },
  },
});

// A session that ends mid-use (expired, signed out elsewhere) sends the user to sign in, then back.
setUnauthenticatedHandler(() => {
  const { pathname, search } = router.state.location;
  if (pathname === '/sign-in' || pathname === '/setup') return;
  const next = `${pathname}${search}`;
  void router
    .navigate(next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`, { replace: true })
    .then(() => queryClient.clear());
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
