import { describe, expect, it } from 'vitest';
import { hasStrings } from '../i18n/load-strings.js';
import { MESSAGES_STRINGS, messagesStrings, panelTitle, resolveMessagesLocale } from './messages-strings.js';

describe('the message panel’s words', () => {
  it('speaks every language the survey speaks, each with every string', () => {
    const languages = Object.keys(MESSAGES_STRINGS);
    expect(languages).toHaveLength(9);
    for (const language of languages) {
      expect(hasStrings(language)).toBe(true);
      const strings = MESSAGES_STRINGS[language]!;
      expect(strings.title.trim()).not.toBe('');
      expect(strings.close.trim()).not.toBe('');
      expect(strings.titleFrom).toContain('{name}');
    }
  });

  it('takes the first wanted language it has words for, else English', () => {
    expect(resolveMessagesLocale(['pt-BR', 'sv-SE', 'de'])).toBe('sv-SE');
    expect(messagesStrings('sv-SE').title).toBe('Ett svar på din feedback');
    expect(resolveMessagesLocale(['no'])).toBe('no');
    expect(messagesStrings('no')).toBe(MESSAGES_STRINGS.nb);
    expect(resolveMessagesLocale(['pt', 'ja'])).toBe('en');
  });

  it('names the project in the title when it has a name, else stays neutral', () => {
    expect(panelTitle(MESSAGES_STRINGS.de!, 'Trail Shop')).toBe('Eine Antwort von Trail Shop');
    expect(panelTitle(MESSAGES_STRINGS.en!, '$& Co')).toBe('A reply from $& Co');
    expect(panelTitle(MESSAGES_STRINGS.en!, '  ')).toBe('A reply to your feedback');
    expect(panelTitle(MESSAGES_STRINGS.fr!, undefined)).toBe('Une réponse à votre avis');
  });
});
