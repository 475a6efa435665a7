import type { FeedbackStrings } from './strings.js';

export default {
  title: 'Skicka feedback',
  about: 'Vad gäller det?',
  categories: { idea: 'Idé', problem: 'Problem', praise: 'Beröm', other: 'Annat' },
  comment: 'Din feedback',
  email: 'E-post (valfritt, så att vi kan svara)',
  send: 'Skicka',
  close: 'Stäng feedback',
  done: 'Stäng',
  needCategory: 'Välj vad din feedback gäller.',
  needComment: 'Skriv några ord innan du skickar.',
  badEmail: 'E-postadressen ser inte rätt ut; rätta den eller lämna fältet tomt.',
  notSent: 'Din feedback kunde inte skickas. Kontrollera den och försök igen.',
  thanks: 'Tack!',
  received: 'Vi har tagit emot din feedback.',
} satisfies FeedbackStrings;
