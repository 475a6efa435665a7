import type { Strings } from './strings.js';

export default {
  submit: 'Envoyer',
  next: 'Suivant',
  skip: 'Passer',
  close: 'Fermer le questionnaire',
  done: 'Terminé',
  progress: 'Question {n} sur {total}',
  limit: '{n} caractères au maximum.',
  other: 'Autre',
  otherText: 'Précisez',
  npsLow: 'Peu probable',
  npsHigh: 'Très probable',
  cesLow: 'Très difficile',
  cesHigh: 'Très facile',
  ratingLow: 'Mauvais',
  ratingHigh: 'Excellent',
  stars: '{n} sur {total} étoiles',
  faces: ['Très insatisfait', 'Insatisfait', 'Neutre', 'Satisfait', 'Très satisfait'],
  newTab: '(s’ouvre dans un nouvel onglet)',
} satisfies Strings;
