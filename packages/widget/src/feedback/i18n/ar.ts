import type { FeedbackStrings } from './strings.js';

export default {
  title: 'أرسل ملاحظاتك',
  about: 'ما موضوع ملاحظاتك؟',
  categories: { idea: 'فكرة', problem: 'مشكلة', praise: 'إشادة', other: 'أخرى' },
  comment: 'ملاحظاتك',
  email: 'البريد الإلكتروني (اختياري، لنتمكن من الرد)',
  send: 'إرسال',
  close: 'إغلاق نموذج الملاحظات',
  done: 'إغلاق',
  needCategory: 'اختر موضوع ملاحظاتك.',
  needComment: 'اكتب بضع كلمات قبل الإرسال.',
  badEmail: 'يبدو أن عنوان البريد الإلكتروني غير صحيح؛ صحّحه أو اتركه فارغًا.',
  notSent: 'تعذّر إرسال ملاحظاتك. يرجى مراجعتها والمحاولة مرة أخرى.',
  thanks: 'شكرًا لك!',
  received: 'لقد تلقّينا ملاحظاتك.',
} satisfies FeedbackStrings;
