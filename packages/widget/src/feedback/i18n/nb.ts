import type { FeedbackStrings } from './strings.js';

export default {
  title: 'Gi tilbakemelding',
  about: 'Hva gjelder det?',
  categories: { idea: 'Idé', problem: 'Problem', praise: 'Ros', other: 'Annet' },
  comment: 'Din tilbakemelding',
  email: 'E-post (valgfritt, så vi kan svare)',
  send: 'Send',
  close: 'Lukk tilbakemeldingen',
  done: 'Lukk',
  needCategory: 'Velg hva tilbakemeldingen gjelder.',
  needComment: 'Skriv noen ord før du sender.',
  badEmail: 'E-postadressen ser ikke riktig ut; rett den eller la feltet stå tomt.',
  notSent: 'Tilbakemeldingen kunne ikke sendes. Sjekk den og prøv igjen.',
  thanks: 'Takk!',
  received: 'Vi har mottatt tilbakemeldingen din.',
} satisfies FeedbackStrings;
