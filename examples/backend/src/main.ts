// The example host backend: signs the logged-in user's identity for the SPA and, at start, puts the SPA's surveys
// into the Closeloop project with the typed management client; with a webhook secret, it verifies and logs Closeloop's
// signed webhooks.
import type { AddressInfo } from 'node:net';
import { createManagementClient } from '@closeloop/sdk/node';
import { createIdentityServer } from './identity-server.js';
import { putSurveys } from './put-surveys.js';
import { readSettings } from './settings.js';
import { spaSurveys } from './spa-surveys.js';
import { createWebhookReceiver } from './webhook-receiver.js';

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  // Retries ride out a Closeloop server that is still starting (about 20 s of backoff in all).
  const closeloop = createManagementClient({ host: settings.closeloopHost, secretKey: settings.secretKey, retry: 6 });
  const ids = await putSurveys(closeloop, spaSurveys);
  console.log(`Surveys put into ${settings.closeloopHost}: ${ids.join(', ')}`);

  const receiveWebhook = settings.webhookSecret === undefined ? undefined : createWebhookReceiver({ secret: settings.webhookSecret });
  const server = createIdentityServer({ identitySecret: settings.identitySecret, userIdOf: () => settings.demoUserId, receiveWebhook });
  server.listen(settings.port, settings.host, () => {
    const { port } = server.address() as AddressInfo;
    console.log(`Example backend on http://${settings.host}:${port} (identity for ${settings.demoUserId} at /api/closeloop-identity)`);
    console.log(
      receiveWebhook === undefined
        ? `Webhooks: set CLOSELOOP_WEBHOOK_SECRET to receive them at http://${settings.host}:${port}/webhooks/closeloop`
        : `Webhooks verified and logged at http://${settings.host}:${port}/webhooks/closeloop`,
    );
  });
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`example backend: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
