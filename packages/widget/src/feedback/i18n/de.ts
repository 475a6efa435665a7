import type { FeedbackStrings } from './strings.js';

export default {
  title: 'Feedback senden',
  about: 'Worum geht es?',
  categories: { idea: 'Idee', problem: 'Problem', praise: 'Lob', other: 'Sonstiges' },
  comment: 'Ihr Feedback',
  email: 'E-Mail (optional, damit wir antworten können)',
  send: 'Senden',
  close: 'Feedback schließen',
  done: 'Schließen',
  needCategory: 'Wählen Sie, worum es in Ihrem Feedback geht.',
  needComment: 'Schreiben Sie ein paar Worte, bevor Sie senden.',
  badEmail: 'Diese E-Mail-Adresse sieht nicht richtig aus; korrigieren Sie sie oder lassen Sie das Feld leer.',
  notSent: 'Ihr Feedback konnte nicht gesendet werden. Bitte prüfen Sie es und versuchen Sie es erneut.',
  thanks: 'Vielen Dank!',
  received: 'Wir haben Ihr Feedback erhalten.',
} satisfies FeedbackStrings;
