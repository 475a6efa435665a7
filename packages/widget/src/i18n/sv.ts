import type { Strings } from './strings.js';

export default {
  submit: 'Skicka',
  next: 'Nästa',
  skip: 'Hoppa över',
  close: 'Stäng enkäten',
  done: 'Klar',
  progress: 'Fråga {n} av {total}',
  limit: 'Högst {n} tecken.',
  other: 'Annat',
  otherText: 'Ange vad',
  npsLow: 'Inte troligt',
  npsHigh: 'Mycket troligt',
  cesLow: 'Mycket svårt',
  cesHigh: 'Mycket enkelt',
  ratingLow: 'Dåligt',
  ratingHigh: 'Utmärkt',
  stars: '{n} av {total} stjärnor',
  faces: ['Mycket missnöjd', 'Missnöjd', 'Neutral', 'Nöjd', 'Mycket nöjd'],
  newTab: '(öppnas i en ny flik)',
} satisfies Strings;
