import { IntegrationTestResult, SlackIntegration } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import { ApiError } from './api-error.js';
import type { ApiClient } from './client.js';

/** `/api/v1/integrations`: the Slack URL, and "send test" for Slack and email. */
export function integrationsApi(api: ApiClient) {
  return {
    /** The Slack URL, or null when none is set (the server's 404). */
    async slack(): Promise<string | null> {
      try {
        return (await api.request('GET', '/integrations/slack', SlackIntegration)).url;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    putSlack: (url: string) => api.request('PUT', '/integrations/slack', SlackIntegration, { json: { url } }),
    removeSlack: () => api.request('DELETE', '/integrations/slack', z.undefined()),
    testSlack: () => api.request('POST', '/integrations/slack/test', IntegrationTestResult),
    testEmail: (to: string) => api.request('POST', '/integrations/email/test', IntegrationTestResult, { json: { to } }),
  };
}
export type IntegrationsApi = ReturnType<typeof integrationsApi>;
