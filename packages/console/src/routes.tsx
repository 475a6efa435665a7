import type { ComponentType } from 'preact';
import { CasePage } from './pages/case/case-page.js';
import { InboxPage } from './pages/inbox/inbox-page.js';
import { ResponsesPage } from './pages/results/responses-page.js';
import { ResultsPage } from './pages/results/results-page.js';
import { SettingsPage } from './pages/settings/settings-page.js';
import { SurveyEditorPage } from './pages/surveys/survey-editor-page.js';
import { SurveysPage } from './pages/surveys/surveys-page.js';
import type { Permission } from '@closeloop/sdk/logic';

export interface ConsoleRoute {
  /** Under the console's base: `/inbox` is served at `/console/inbox`. preact-iso patterns (`:id`). */
  path: `/${string}`;
  /** preact-iso passes the path's parameters as props (`id` for `/cases/:id`). */
  component: ComponentType<Record<string, string>>;
  /** The entry in the navigation; none for pages reached from another page (a case). */
  label?: string;
  /** Who may open it: members whose role lacks it see neither the entry nor the page. */
  permission: Permission;
  /** The navigation entry it belongs under (a case under the inbox), marked current while it is shown. */
  section?: `/${string}`;
}

/**
 * Every page of the console, in navigation order. A new page (surveys, results, settings) adds one line here and
 * its folder under `pages/`.
 */
export const routes: ConsoleRoute[] = [
  { path: '/inbox', component: InboxPage, label: 'Inbox', permission: 'cases:read' },
  { path: '/cases/:id', component: CasePage as ComponentType<Record<string, string>>, permission: 'cases:read', section: '/inbox' },
  { path: '/surveys', component: SurveysPage, label: 'Surveys', permission: 'surveys:read' },
  { path: '/surveys/:id', component: SurveyEditorPage, permission: 'surveys:read', section: '/surveys' },
  { path: '/results', component: ResultsPage, label: 'Results', permission: 'stats:read' },
  { path: '/results/responses', component: ResponsesPage, permission: 'responses:read', section: '/results' },
  // Admins only: every role reads settings through the API, but only changing them is this page's job.
  { path: '/settings', component: SettingsPage, label: 'Settings', permission: 'settings:write' },
];
