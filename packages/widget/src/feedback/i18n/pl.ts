import type { FeedbackStrings } from './strings.js';

export default {
  title: 'Wyślij opinię',
  about: 'Czego dotyczy?',
  categories: { idea: 'Pomysł', problem: 'Problem', praise: 'Pochwała', other: 'Inne' },
  comment: 'Twoja opinia',
  email: 'E-mail (opcjonalnie, abyśmy mogli odpowiedzieć)',
  send: 'Wyślij',
  close: 'Zamknij formularz opinii',
  done: 'Zamknij',
  needCategory: 'Wybierz, czego dotyczy opinia.',
  needComment: 'Napisz kilka słów przed wysłaniem.',
  badEmail: 'Ten adres e-mail wygląda na niepoprawny; popraw go lub zostaw puste pole.',
  notSent: 'Nie udało się wysłać opinii. Sprawdź ją i spróbuj ponownie.',
  thanks: 'Dziękujemy!',
  received: 'Otrzymaliśmy Twoją opinię.',
} satisfies FeedbackStrings;
