import type { Strings } from './strings.js';

export default {
  submit: 'Send',
  next: 'Neste',
  skip: 'Hopp over',
  close: 'Lukk undersøkelsen',
  done: 'Ferdig',
  progress: 'Spørsmål {n} av {total}',
  limit: 'Maks {n} tegn.',
  other: 'Annet',
  otherText: 'Spesifiser',
  npsLow: 'Lite sannsynlig',
  npsHigh: 'Svært sannsynlig',
  cesLow: 'Svært vanskelig',
  cesHigh: 'Svært enkelt',
  ratingLow: 'Dårlig',
  ratingHigh: 'Utmerket',
  stars: '{n} av {total} stjerner',
  faces: ['Svært misfornøyd', 'Misfornøyd', 'Nøytral', 'Fornøyd', 'Svært fornøyd'],
  newTab: '(åpnes i en ny fane)',
} satisfies Strings;
