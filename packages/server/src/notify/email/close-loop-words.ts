/**
 * The few fixed words of the close-the-loop mail, in English and the widget's languages; everything else in it is
 * the agent's own text. `{project}` and `{name}` are filled in.
 */
export interface CloseLoopWords {
  subject: string;
  greetingWithName: string;
  greeting: string;
  youToldUs: string;
  signOff: string;
  /** Arabic reads right to left. */
  direction: 'ltr' | 'rtl';
}

export const CLOSE_LOOP_WORDS = {
  en: { subject: 'Your feedback to {project}', greetingWithName: 'Hi {name},', greeting: 'Hi,', youToldUs: 'You told us:', signOff: 'Best regards,', direction: 'ltr' },
  sv: { subject: 'Din feedback till {project}', greetingWithName: 'Hej {name},', greeting: 'Hej,', youToldUs: 'Du skrev till oss:', signOff: 'Vänliga hälsningar,', direction: 'ltr' },
  nl: { subject: 'Je feedback aan {project}', greetingWithName: 'Hallo {name},', greeting: 'Hallo,', youToldUs: 'Je schreef ons:', signOff: 'Met vriendelijke groet,', direction: 'ltr' },
  nb: { subject: 'Tilbakemeldingen din til {project}', greetingWithName: 'Hei {name},', greeting: 'Hei,', youToldUs: 'Du skrev til oss:', signOff: 'Vennlig hilsen', direction: 'ltr' },
  pl: { subject: 'Twoja opinia o {project}', greetingWithName: 'Dzień dobry {name},', greeting: 'Dzień dobry,', youToldUs: 'Twoja wiadomość:', signOff: 'Pozdrawiamy,', direction: 'ltr' },
  de: { subject: 'Ihr Feedback an {project}', greetingWithName: 'Hallo {name},', greeting: 'Hallo,', youToldUs: 'Sie haben uns geschrieben:', signOff: 'Viele Grüße', direction: 'ltr' },
  fr: { subject: 'Votre avis sur {project}', greetingWithName: 'Bonjour {name},', greeting: 'Bonjour,', youToldUs: 'Vous nous avez écrit\u00a0:', signOff: 'Cordialement,', direction: 'ltr' },
  es: { subject: 'Tu opinión sobre {project}', greetingWithName: 'Hola, {name}:', greeting: 'Hola:', youToldUs: 'Nos escribiste:', signOff: 'Un saludo,', direction: 'ltr' },
  ar: { subject: 'ملاحظاتك حول {project}', greetingWithName: 'مرحبًا {name}،', greeting: 'مرحبًا،', youToldUs: 'لقد كتبت لنا:', signOff: 'مع أطيب التحيات،', direction: 'rtl' },
} as const satisfies Record<string, CloseLoopWords>;

export type CloseLoopLanguage = keyof typeof CLOSE_LOOP_WORDS;
