import type { Strings } from './strings.js';

export default {
  submit: 'Enviar',
  next: 'Siguiente',
  skip: 'Omitir',
  close: 'Cerrar encuesta',
  done: 'Listo',
  progress: 'Pregunta {n} de {total}',
  limit: 'Hasta {n} caracteres.',
  other: 'Otro',
  otherText: 'Especifique',
  npsLow: 'Poco probable',
  npsHigh: 'Muy probable',
  cesLow: 'Muy difícil',
  cesHigh: 'Muy fácil',
  ratingLow: 'Malo',
  ratingHigh: 'Excelente',
  stars: '{n} de {total} estrellas',
  faces: ['Muy insatisfecho', 'Insatisfecho', 'Neutral', 'Satisfecho', 'Muy satisfecho'],
  newTab: '(se abre en una pestaña nueva)',
} satisfies Strings;
