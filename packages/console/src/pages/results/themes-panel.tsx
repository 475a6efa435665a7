import type { CommentTerm, DetractorThemes } from '@closeloop/sdk/schemas';
import { consolePath } from '../../paths.js';
import { EmptyState } from '../../ui/empty-state.js';
import { percent } from './result-words.js';

/** What detractors write about (words and phrases), beside the pages that produce the most detractors. */
export function ThemesPanel({ themes, pageSearch }: { themes: DetractorThemes; pageSearch: (page: string) => string }) {
  return (
    <div class="themes-layout">
      <section class="card" aria-labelledby="themes-title">
        <h2 id="themes-title">Detractor themes</h2>
        {themes.comments === 0 ? (
          <EmptyState title="No detractor comments in this period" />
        ) : (
          <>
            <p class="muted">
              From {themes.comments} {themes.comments === 1 ? 'comment' : 'comments'}; common words in {themes.languages.join(', ')} left out.
            </p>
            <TermList title="Words" terms={themes.words} />
            {themes.phrases.length > 0 && <TermList title="Phrases" terms={themes.phrases} />}
          </>
        )}
      </section>
      <section class="card" aria-labelledby="pages-title">
        <h2 id="pages-title">Pages with the most detractors</h2>
        {themes.pages.length === 0 ? (
          <EmptyState title="No detractors in this period" />
        ) : (
          <ol class="page-list">
            {themes.pages.map((page) => (
              <li key={page.page}>
                <a class="break" href={consolePath('/results/responses') + pageSearch(page.page)}>
                  {page.page}
                </a>
                <span class="muted">
                  {page.detractors} of {page.answers} answers ({percent(page.share)}) are detractors
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function TermList({ title, terms }: { title: string; terms: CommentTerm[] }) {
  const max = Math.max(1, ...terms.map((t) => t.comments));
  return (
    <>
      <h3>{title}</h3>
      <ol class="term-list" aria-label={`${title}, most frequent first`}>
        {terms.map((term) => (
          <li key={term.term}>
            <span class="term">{term.term}</span>
            <span class="term-bar" aria-hidden="true">
              <span style={{ width: `${(term.comments / max) * 100}%` }} />
            </span>
            <span class="term-count">
              {term.comments} <span class="visually-hidden">comments</span>
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
