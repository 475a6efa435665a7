import type { FeedbackStrings } from './strings.js';

export default {
  title: 'Enviar comentarios',
  about: '¿De qué se trata?',
  categories: { idea: 'Idea', problem: 'Problema', praise: 'Elogio', other: 'Otro' },
  comment: 'Sus comentarios',
  email: 'Correo electrónico (opcional, para poder responderle)',
  send: 'Enviar',
  close: 'Cerrar comentarios',
  done: 'Cerrar',
  needCategory: 'Elija de qué tratan sus comentarios.',
  needComment: 'Escriba unas palabras antes de enviar.',
  badEmail: 'Esa dirección de correo no parece correcta; corríjala o déjela vacía.',
  notSent: 'No se pudieron enviar sus comentarios. Revíselos e inténtelo de nuevo.',
  thanks: '¡Gracias!',
  received: 'Hemos recibido sus comentarios.',
} satisfies FeedbackStrings;
