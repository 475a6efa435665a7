import { useSignal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso/router';
import { useEffect } from 'preact/hooks';
import { LoginPage } from './pages/login/login-page.js';
import { consolePath } from './paths.js';
import { routes } from './routes.js';
import type { ConsoleRoute } from './routes.js';
import { ServicesContext, useServices } from './services.js';
import type { Services } from './services.js';
import { Button } from './ui/button.js';
import { ErrorMessage } from './ui/error-message.js';
import { ToastRegion } from './ui/toast-region.js';

/** The console: asks who is signed in, then shows the login or the shell with its pages. */
export function App({ services }: { services: Services }) {
  useEffect(() => {
    void services.session.restore(services.api.session);
  }, [services]);
  return (
    <ServicesContext.Provider value={services}>
      <LocationProvider scope={consolePath('/')}>
        <SessionGate />
      </LocationProvider>
      <ToastRegion toasts={services.toasts} />
    </ServicesContext.Provider>
  );
}

function SessionGate() {
  const { api, session } = useServices();
  const state = session.state.value;
  if (state.kind === 'loading') {
    return (
      <main id="main" class="page-status">
        <p role="status">Loading the console…</p>
      </main>
    );
  }
  if (state.kind === 'unreachable') {
    return (
      <main id="main" class="page-status">
        <ErrorMessage message={state.message} onRetry={() => void session.restore(api.session)} />
      </main>
    );
  }
  if (state.kind === 'signed-out') return <LoginPage />;
  return <Shell />;
}

/** The signed-in layout: skip link, header with the navigation and the user menu, then the page. */
function Shell() {
  const { session } = useServices();
  const allowed = (route: ConsoleRoute) => session.can(route.permission);
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="app-header">
        <a class="brand" href={consolePath('/inbox')}>
          Closeloop
        </a>
        <nav aria-label="Console">
          <ul class="nav-list">
            {routes
              .filter((route) => route.label && allowed(route))
              .map((route) => (
                <NavLink key={route.path} route={route} />
              ))}
          </ul>
        </nav>
        <UserMenu />
      </header>
      <main id="main" tabIndex={-1}>
        <Router>
          {[
            <Route key="home" path={consolePath('/')} component={GoToInbox} />,
            ...routes.map((route) => {
              const Page: ComponentType<Record<string, string>> = allowed(route) ? route.component : NotAllowed;
              return <Page key={route.path} path={consolePath(route.path)} />;
            }),
            <Route key="not-found" default component={NotFound} />,
          ]}
        </Router>
      </main>
    </>
  );
}

function NavLink({ route }: { route: ConsoleRoute }) {
  const { path } = useLocation();
  const href = consolePath(route.path);
  const within = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  const shown = routes.find((other) => other.section === route.path && within(consolePath(other.path.replace(/\/:.*$/, '') as `/${string}`)));
  const current = within(href) || shown !== undefined;
  return (
    <li>
      <a href={href} aria-current={current ? 'page' : undefined}>
        {route.label}
      </a>
    </li>
  );
}

/** Who is signed in, to which project, and the way out. */
function UserMenu() {
  const { api, session, toasts } = useServices();
  const busy = useSignal(false);
  const user = session.user.value;
  const project = session.session.value?.project;
  if (!user) return null;
  async function logout() {
    busy.value = true;
    try {
      await session.logout(api.session);
    } catch (error) {
      toasts.show('error', `Signing out failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      busy.value = false;
    }
  }
  return (
    <details class="user-menu">
      <summary>
        <span class="user-name">{user.name}</span>
        <span class="visually-hidden">, account menu</span>
      </summary>
      <div class="user-menu-panel">
        <p>
          <strong>{user.name}</strong>
          <br />
          {user.email}
        </p>
        <p>
          Role: {user.role}
          {project && (
            <>
              <br />
              Project: {project.name}
            </>
          )}
        </p>
        <Button onClick={logout} busy={busy.value}>
          Sign out
        </Button>
      </div>
    </details>
  );
}

function GoToInbox() {
  const { route } = useLocation();
  useEffect(() => route(consolePath('/inbox'), true), [route]);
  return null;
}

function NotAllowed() {
  return (
    <section class="page">
      <h1>Not available to your role</h1>
      <p>
        Your role cannot open this page. Ask an admin of the project if you need it. <a href={consolePath('/inbox')}>Go to the inbox</a>.
      </p>
    </section>
  );
}

function NotFound() {
  return (
    <section class="page">
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. <a href={consolePath('/inbox')}>Go to the inbox</a>.
      </p>
    </section>
  );
}
