import type { Strings } from './strings.js';

export default {
  submit: 'Senden',
  next: 'Weiter',
  skip: 'Überspringen',
  close: 'Umfrage schließen',
  done: 'Fertig',
  progress: 'Frage {n} von {total}',
  limit: 'Höchstens {n} Zeichen.',
  other: 'Sonstiges',
  otherText: 'Bitte angeben',
  npsLow: 'Unwahrscheinlich',
  npsHigh: 'Sehr wahrscheinlich',
  cesLow: 'Sehr schwierig',
  cesHigh: 'Sehr einfach',
  ratingLow: 'Schlecht',
  ratingHigh: 'Ausgezeichnet',
  stars: '{n} von {total} Sternen',
  faces: ['Sehr unzufrieden', 'Unzufrieden', 'Neutral', 'Zufrieden', 'Sehr zufrieden'],
  newTab: '(öffnet in neuem Tab)',
} satisfies Strings;
