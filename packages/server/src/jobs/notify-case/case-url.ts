/** The console link to a case, under the server's public origin: what Slack and staff mail point at. */
export function caseUrlOf(baseUrl: string, caseId: string): string {
  return new URL(`console/cases/${encodeURIComponent(caseId)}`, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}
