import type { FeedbackStrings } from './strings.js';

export default {
  title: 'Feedback geven',
  about: 'Waar gaat het over?',
  categories: { idea: 'Idee', problem: 'Probleem', praise: 'Compliment', other: 'Anders' },
  comment: 'Je feedback',
  email: 'E-mail (optioneel, zodat we kunnen antwoorden)',
  send: 'Versturen',
  close: 'Feedback sluiten',
  done: 'Sluiten',
  needCategory: 'Kies waar je feedback over gaat.',
  needComment: 'Schrijf een paar woorden voordat je verstuurt.',
  badEmail: 'Dat e-mailadres lijkt niet te kloppen; verbeter het of laat het leeg.',
  notSent: 'Je feedback kon niet worden verstuurd. Controleer hem en probeer het opnieuw.',
  thanks: 'Bedankt!',
  received: 'We hebben je feedback ontvangen.',
} satisfies FeedbackStrings;
