import './results.css';
import { useLocation } from 'preact-iso';
import { useEffect, useMemo } from 'preact/hooks';
import { exportUrl } from '../../api/results.js';
import { useLookups } from '../../cases/use-lookups.js';
import { consolePath } from '../../paths.js';
import { useServices } from '../../services.js';
import { ErrorMessage } from '../../ui/error-message.js';
import { DistributionChart } from './distribution-chart.js';
import { NpsChart } from './nps-chart.js';
import { NpsSummary } from './nps-summary.js';
import { OutcomesPanel } from './outcomes-panel.js';
import { ResultsFilterBar } from './results-filter-bar.js';
import { apiFilters, responsesSearch, resultsFiltersFromUrl, resultsSearch } from './results-query.js';
import type { ResultsFilters } from './results-query.js';
import { ThemesPanel } from './themes-panel.js';
import { useLoaded } from './use-loaded.js';

/**
 * Results for product teams and support leads: NPS over time with its split and distribution (a group opens its
 * responses), detractor themes beside the pages producing detractors, follow-up outcomes, CSV downloads. Every
 * filter lives in the URL, so a view can be shared.
 */
export function ResultsPage() {
  const { api } = useServices();
  const location = useLocation();
  const { lookups } = useLookups(api);
  const now = useMemo(() => new Date(), []);
  const { filters, problems } = resultsFiltersFromUrl(location.query, now);
  const server = apiFilters(filters);
  const key = JSON.stringify(filters);

  useEffect(() => {
    document.title = 'Results · Closeloop';
  }, []);

  const nps = useLoaded(key, () => api.results.nps({ ...server, interval: filters.interval }));
  const themes = useLoaded(key, () => api.results.themes(server));
  const outcomes = useLoaded(key, () => api.results.followUps({ from: server.from, to: server.to }));

  const change = (next: ResultsFilters) => location.route(consolePath('/results') + resultsSearch(next));

  return (
    <section class="page results" aria-labelledby="results-title">
      <div class="page-head">
        <h1 id="results-title">Results</h1>
        <div class="downloads">
          <a class="button" href={exportUrl('responses', server)} download>
            Download responses (CSV)
          </a>
          <a class="button" href={exportUrl('cases', { surveyId: filters.surveyId })} download>
            Download cases (CSV)
          </a>
        </div>
      </div>
      {problems.length > 0 && (
        <p class="notice" role="status">
          Part of this link was not understood and is ignored: {problems.join('; ')}.
        </p>
      )}
      <ResultsFilterBar filters={filters} surveys={lookups.value.surveys} onChange={change} />
      <p class="visually-hidden" role="status">
        {nps.loading.value ? 'Loading the results…' : ''}
      </p>

      <section class="card" aria-labelledby="nps-title">
        <h2 id="nps-title">NPS over time</h2>
        {nps.error.value && <ErrorMessage message={nps.error.value} onRetry={nps.reload} />}
        {nps.data.value && (
          <div class="nps-layout">
            <NpsSummary totals={nps.data.value.totals} responsesSearch={(group) => responsesSearch(filters, group)} />
            <NpsChart stats={nps.data.value} />
          </div>
        )}
      </section>

      <section class="card" aria-labelledby="distribution-heading">
        <h2 id="distribution-heading">Scores 0–10</h2>
        {nps.data.value && <DistributionChart distribution={nps.data.value.distribution} />}
      </section>

      {themes.error.value && <ErrorMessage message={themes.error.value} onRetry={themes.reload} />}
      {themes.data.value && <ThemesPanel themes={themes.data.value} pageSearch={(page) => responsesSearch({ ...filters, page }, 'detractor')} />}

      {outcomes.error.value && <ErrorMessage message={outcomes.error.value} onRetry={outcomes.reload} />}
      {outcomes.data.value && <OutcomesPanel stats={outcomes.data.value} />}
    </section>
  );
}
