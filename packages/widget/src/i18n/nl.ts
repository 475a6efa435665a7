import type { Strings } from './strings.js';

export default {
  submit: 'Versturen',
  next: 'Volgende',
  skip: 'Overslaan',
  close: 'Enquête sluiten',
  done: 'Klaar',
  progress: 'Vraag {n} van {total}',
  limit: 'Maximaal {n} tekens.',
  other: 'Anders',
  otherText: 'Namelijk',
  npsLow: 'Niet waarschijnlijk',
  npsHigh: 'Zeer waarschijnlijk',
  cesLow: 'Heel moeilijk',
  cesHigh: 'Heel makkelijk',
  ratingLow: 'Slecht',
  ratingHigh: 'Uitstekend',
  stars: '{n} van {total} sterren',
  faces: ['Zeer ontevreden', 'Ontevreden', 'Neutraal', 'Tevreden', 'Zeer tevreden'],
  newTab: '(opent in een nieuw tabblad)',
} satisfies Strings;
