import { fireEvent, screen } from '@testing-library/preact';
import { renderQuestion } from '../test-support/render-question.js';
import { CtaQuestion } from './CtaQuestion.js';

describe('CtaQuestion', () => {
  it('is a real link opening in a new tab, reporting the click', () => {
    const onClick = vi.fn();
    renderQuestion(<CtaQuestion id="review" prompt="Would you review us?" body="It takes a minute." buttonLabel="Write a review" url="https://reviews.example/shop" onClick={onClick} />);
    const link = screen.getByRole('link', { name: 'Write a review (opens in a new tab)' }) as HTMLAnchorElement;
    expect(link.href).toBe('https://reviews.example/shop');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
    expect(screen.getByText('It takes a minute.')).toBeTruthy();
    // Keep the test's DOM from following the link (it would fetch the URL); the click handler still runs first.
    link.addEventListener('click', (event) => event.preventDefault());
    fireEvent.click(link);
    expect(onClick).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Skip' })).toBeNull();
  });
});
