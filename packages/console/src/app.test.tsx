import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { MEMBERS, sessionOf } from './test-support/fixtures.js';
import { errorReply, json } from './test-support/fake-fetch.js';
import { renderConsole } from './test-support/render-console.js';

const emptyQueue = {
  'GET /api/v1/follow-ups': () => json(200, { data: [], nextCursor: null, counts: { open: 0, in_progress: 0, waiting_on_customer: 0, resolved: 0, closed: 0 } }),
  'GET /api/v1/members': () => json(200, { data: MEMBERS }),
  'GET /api/v1/teams': () => json(200, { data: [] }),
  'GET /api/v1/surveys': () => json(200, { data: [] }),
};

afterEach(() => {
  document.body.replaceChildren();
});

describe('signing in and out', () => {
  it('shows the login when nobody is signed in, signs in, and lands on the inbox with the user menu', async () => {
    let signedIn = false;
    const { requests } = renderConsole('/inbox', {
      'GET /api/v1/session': () => (signedIn ? json(200, sessionOf('agent')) : errorReply(401, 'unauthorized', 'Sign in first.')),
      'POST /api/v1/session': () => {
        signedIn = true;
        return json(200, sessionOf('agent'));
      },
      ...emptyQueue,
    });
    await screen.findByRole('heading', { name: 'Sign in to the console' });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'agent@demo.closeloop.dev' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'demo-agent' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('heading', { name: 'Inbox' });
    expect(screen.getByRole('navigation', { name: 'Console' }).textContent).toContain('Inbox');
    expect(screen.getByText('Alex Agent', { selector: '.user-name' })).toBeTruthy();
    const login = requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/v1/session');
    expect(login?.body).toEqual({ email: 'agent@demo.closeloop.dev', password: 'demo-agent' });
  });

  it('checks the fields before sending, naming each', async () => {
    const { requests } = renderConsole('/inbox', { 'GET /api/v1/session': () => errorReply(401, 'unauthorized', 'Sign in first.') });
    await screen.findByRole('heading', { name: 'Sign in to the console' });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'not an email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('must be an email address')).toBeTruthy();
    expect(screen.getByText('must not be empty')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('says the credentials are wrong, and how long to wait once rate limited', async () => {
    let attempts = 0;
    renderConsole('/inbox', {
      'GET /api/v1/session': () => errorReply(401, 'unauthorized', 'Sign in first.'),
      'POST /api/v1/session': () => (++attempts < 2 ? errorReply(401, 'invalid_credentials', 'Wrong email or password.') : errorReply(429, 'rate_limited', 'Too many attempts.', { 'Retry-After': '600' })),
    });
    await screen.findByRole('heading', { name: 'Sign in to the console' });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'agent@demo.closeloop.dev' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The email or the password is wrong.');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Too many failed sign-ins. Wait 10 minutes, then try again.'));
  });

  it('signs out with the CSRF token and shows the login again', async () => {
    let signedIn = true;
    const { requests } = renderConsole('/inbox', {
      'GET /api/v1/session': () => (signedIn ? json(200, sessionOf('agent')) : errorReply(401, 'unauthorized', 'Sign in first.')),
      'DELETE /api/v1/session': () => {
        signedIn = false;
        return json(204, null);
      },
      ...emptyQueue,
    });
    await screen.findByRole('heading', { name: 'Inbox' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in to the console' });
    const logout = requests.find((r) => r.method === 'DELETE');
    expect(logout?.headers.get('X-CSRF-Token')).toBe('csrf-token-1');
    // Reads never carry the token: it is only for changes.
    expect(requests.find((r) => r.method === 'GET')?.headers.get('X-CSRF-Token')).toBeNull();
  });

  it('says plainly when the server replies in a shape the console cannot read', async () => {
    renderConsole('/inbox', { 'GET /api/v1/session': () => json(200, { user: { name: 'no id' } }) });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("The server's reply to GET /api/v1/session could not be read");
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('has a skip link to the main content, and shows no entry for pages the console does not have', async () => {
    renderConsole('/inbox', { 'GET /api/v1/session': () => json(200, sessionOf('admin')), ...emptyQueue });
    await screen.findByRole('heading', { name: 'Inbox' });
    expect(screen.getByRole('link', { name: 'Skip to content' }).getAttribute('href')).toBe('#main');
    expect(document.getElementById('main')?.tagName).toBe('MAIN');
    const nav = screen.getByRole('navigation', { name: 'Console' });
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Inbox', 'Surveys', 'Results', 'Settings']);
  });
});
