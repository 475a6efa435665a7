import type { FeedbackStrings } from './strings.js';

export default {
  title: 'Donner votre avis',
  about: 'De quoi s’agit-il ?',
  categories: { idea: 'Idée', problem: 'Problème', praise: 'Compliment', other: 'Autre' },
  comment: 'Votre avis',
  email: 'E-mail (facultatif, pour que nous puissions répondre)',
  send: 'Envoyer',
  close: 'Fermer le formulaire d’avis',
  done: 'Fermer',
  needCategory: 'Choisissez le sujet de votre avis.',
  needComment: 'Écrivez quelques mots avant d’envoyer.',
  badEmail: 'Cette adresse e-mail ne semble pas correcte ; corrigez-la ou laissez le champ vide.',
  notSent: 'Votre avis n’a pas pu être envoyé. Vérifiez-le et réessayez.',
  thanks: 'Merci !',
  received: 'Nous avons bien reçu votre avis.',
} satisfies FeedbackStrings;
