import type { Strings } from './strings.js';

// Arabic, written right to left: with it, an Arabic survey is Arabic throughout, mirrored, not English words in a
// mirrored card.
export default {
  submit: 'إرسال',
  next: 'التالي',
  skip: 'تخطي',
  close: 'إغلاق الاستبيان',
  done: 'تم',
  progress: 'السؤال {n} من {total}',
  limit: 'الحد الأقصى {n} حرفًا.',
  other: 'أخرى',
  otherText: 'يرجى التحديد',
  npsLow: 'غير محتمل',
  npsHigh: 'محتمل جدًا',
  cesLow: 'صعب جدًا',
  cesHigh: 'سهل جدًا',
  ratingLow: 'ضعيف',
  ratingHigh: 'ممتاز',
  stars: '{n} من {total} نجوم',
  faces: ['غير راضٍ جدًا', 'غير راضٍ', 'محايد', 'راضٍ', 'راضٍ جدًا'],
  newTab: '(يفتح في علامة تبويب جديدة)',
  yes: 'نعم',
  no: 'لا',
  contactChannel: 'كيف نتواصل معك؟',
  email: 'البريد الإلكتروني',
  phone: 'الهاتف',
  emailAddress: 'بريدك الإلكتروني',
  phoneNumber: 'رقم هاتفك',
  badEmail: 'أدخل بريدًا إلكترونيًا، مثل name@example.com.',
  badPhone: 'أدخل رقم هاتف من 7 إلى 20 رقمًا، وعلامة + في أوله فقط.',
  noReply: 'شكرًا لإخبارنا. نقرأ كل إجابة.',
} satisfies Strings;
