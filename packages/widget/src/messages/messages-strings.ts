import { wordsKey } from '../i18n/language-tag.js';

/** The message panel's own words in one language; the message itself is the agent's, shown as written. */
export interface MessagesStrings {
  /** The panel's title when the project's name is not known. */
  title: string;
  /** The title with the project's name: `{name}` stands for it. */
  titleFrom: string;
  /** Name of the × button. */
  close: string;
}

/**
 * All nine languages of the widget in the chunk itself: three short strings each (about 0.3 KB brotli for all),
 * less than a second request for a language chunk would cost a visitor who reads one of them.
 */
export const MESSAGES_STRINGS: Readonly<Record<string, MessagesStrings>> = {
  en: { title: 'A reply to your feedback', titleFrom: 'A reply from {name}', close: 'Close message' },
  sv: { title: 'Ett svar på din feedback', titleFrom: 'Ett svar från {name}', close: 'Stäng meddelandet' },
  nl: { title: 'Een antwoord op je feedback', titleFrom: 'Een antwoord van {name}', close: 'Bericht sluiten' },
  nb: { title: 'Et svar på tilbakemeldingen din', titleFrom: 'Et svar fra {name}', close: 'Lukk meldingen' },
  pl: { title: 'Odpowiedź na Twoją opinię', titleFrom: 'Odpowiedź od {name}', close: 'Zamknij wiadomość' },
  de: { title: 'Eine Antwort auf Ihr Feedback', titleFrom: 'Eine Antwort von {name}', close: 'Nachricht schließen' },
  fr: { title: 'Une réponse à votre avis', titleFrom: 'Une réponse de {name}', close: 'Fermer le message' },
  es: { title: 'Una respuesta a sus comentarios', titleFrom: 'Una respuesta de {name}', close: 'Cerrar el mensaje' },
  ar: { title: 'ردّ على ملاحظاتك', titleFrom: 'ردّ من {name}', close: 'إغلاق الرسالة' },
};

/**
 * The panel's language: the first of the page's wanted languages (wanted-languages.ts, the surveys' order) it has
 * words for, else English, so the panel is never tagged with a language it does not speak.
 */
export function resolveMessagesLocale(wanted: readonly string[]): string {
  return wanted.find((tag) => wordsKey(tag) in MESSAGES_STRINGS) ?? 'en';
}

export const messagesStrings = (locale: string): MessagesStrings => MESSAGES_STRINGS[wordsKey(locale)] ?? MESSAGES_STRINGS.en!;

/** The title: with the project's name when there is one, else the neutral one. */
export function panelTitle(strings: MessagesStrings, projectName: string | undefined): string {
  const name = projectName?.trim();
  return name ? strings.titleFrom.replace('{name}', () => name) : strings.title;
}
