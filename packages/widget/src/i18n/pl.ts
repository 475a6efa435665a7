import type { Strings } from './strings.js';

export default {
  submit: 'Wyślij',
  next: 'Dalej',
  skip: 'Pomiń',
  close: 'Zamknij ankietę',
  done: 'Gotowe',
  progress: 'Pytanie {n} z {total}',
  limit: 'Maksymalnie {n} znaków.',
  other: 'Inne',
  otherText: 'Jakie?',
  npsLow: 'Mało prawdopodobne',
  npsHigh: 'Bardzo prawdopodobne',
  cesLow: 'Bardzo trudno',
  cesHigh: 'Bardzo łatwo',
  ratingLow: 'Słabo',
  ratingHigh: 'Doskonale',
  stars: '{n} z {total} gwiazdek',
  faces: ['Bardzo niezadowolony', 'Niezadowolony', 'Neutralny', 'Zadowolony', 'Bardzo zadowolony'],
  newTab: '(otwiera się w nowej karcie)',
} satisfies Strings;
