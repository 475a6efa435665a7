import { useEffect } from 'preact/hooks';
import './settings.css';
import { ErrorMessage } from '../../ui/error-message.js';
import { BusinessHoursSection } from './business-hours-section.js';
import { CommentWaitSection } from './comment-wait-section.js';
import { CustomerValueSection } from './customer-value-section.js';
import { FeedbackRoutingSection } from './feedback-routing-section.js';
import { IdentitySecretSection } from './identity-secret-section.js';
import { InstallSection } from './install-section.js';
import { EmailSection, SlackSection } from './integrations-section.js';
import { KeysSection } from './keys-section.js';
import { MembersSection } from './members-section.js';
import { RootCausesSection } from './root-causes-section.js';
import { TeamsSection } from './teams-section.js';
import { usePeople } from './use-people.js';
import { useProjectSettings } from './use-project-settings.js';
import { WebhooksSection } from './webhooks-section.js';

const CONTENTS = [
  ['install', 'Project and install'],
  ['keys', 'Secret keys'],
  ['identity', 'Identity secret'],
  ['members', 'Members'],
  ['teams', 'Teams'],
  ['sla', 'Business hours and SLA'],
  ['root-causes', 'Root causes'],
  ['customer-value', 'Customer value'],
  ['feedback-routing', 'Feedback routing'],
  ['comment-wait', 'When new cases are told of'],
  ['webhooks', 'Webhooks'],
  ['slack', 'Slack'],
  ['email', 'Email'],
] as const;

/** The admin's page: how the project is installed and reached, who works cases, how cases are timed and routed, and where they are announced. */
export function SettingsPage() {
  const settings = useProjectSettings();
  const people = usePeople();
  useEffect(() => {
    document.title = 'Settings · Closeloop';
  }, []);
  return (
    <section class="page settings-page" aria-labelledby="settings-title">
      <div class="page-head">
        <h1 id="settings-title">Settings</h1>
      </div>
      <nav aria-label="Settings sections" class="settings-contents">
        <ul>
          {CONTENTS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <InstallSection />
      <KeysSection />
      <IdentitySecretSection />
      <MembersSection people={people} />
      <TeamsSection people={people} />
      {settings.error.value && <ErrorMessage message={settings.error.value} onRetry={() => void settings.reload()} />}
      {/* These forms start from the stored settings, so they appear once those are read. */}
      {settings.settings.value === null && !settings.error.value && <p role="status">Loading the settings…</p>}
      {settings.settings.value !== null && (
        <>
          <BusinessHoursSection model={settings} />
          <RootCausesSection model={settings} />
          <CustomerValueSection model={settings} />
          <FeedbackRoutingSection model={settings} people={people} />
        </>
      )}
      {settings.settings.value !== null && <CommentWaitSection model={settings} />}
      <WebhooksSection />
      <SlackSection />
      <EmailSection />
    </section>
  );
}
