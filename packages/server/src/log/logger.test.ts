import { describe, expect, it } from 'vitest';
import { captureLog } from '../testing/log-capture.js';
import { errorFields } from './error-fields.js';

describe('createLogger', () => {
  it('writes JSON lines with the level by name, an ISO time and the service', () => {
    const log = captureLog('info');
    log.logger.debug('not at info');
    log.logger.info({ route: '/v1/responses' }, 'request');
    expect(log.lines()).toEqual([{ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), service: 'closeloop', route: '/v1/responses', msg: 'request' }]);
  });

  it('censors secret and personal fields a careless call might pass', () => {
    const log = captureLog('info');
    log.logger.info({ email: 'ana@x.example', password: 'pw', authorization: 'Bearer sk_1', headers: { cookie: 's=1' }, job: { kind: 'k', payload: { to: 'ana@x.example' } } }, 'oops');
    expect(log.text()).not.toMatch(/ana@x\.example|sk_1|"pw"|s=1/);
    expect(log.lines()[0]).toMatchObject({ email: '[redacted]', password: '[redacted]', authorization: '[redacted]', headers: '[redacted]', job: { kind: 'k', payload: '[redacted]' } });
  });
});

describe('errorFields', () => {
  it('keeps name, message, stack, code and cause, not the other properties, and scrubs emails', () => {
    const cause = Object.assign(new Error('550 <bob@mail.example> rejected'), { code: 'EENVELOPE', envelope: { to: ['bob@mail.example'] } });
    const fields = errorFields(new Error('sending failed', { cause }));
    expect(fields).toEqual({
      type: 'Error',
      message: 'sending failed',
      stack: expect.stringMatching(/^Error: sending failed\n/),
      cause: { type: 'Error', message: '550 <[email]> rejected', stack: expect.stringContaining('[email]'), code: 'EENVELOPE' },
    });
    expect(JSON.stringify(fields)).not.toContain('bob@mail.example');
  });

  it('a thrown non-error is kept as text', () => {
    expect(errorFields('plain words')).toEqual({ type: 'string', message: 'plain words' });
  });
});
