/**
 * The widget's own words (buttons, scale ends, screen-reader names) in one language. English ships inline in the
 * UI chunk; every other language is a separate chunk fetched only for visitors who need it (load-strings.ts).
 * `{n}` and `{total}` are filled in by `fill`.
 */
export interface Strings {
  submit: string;
  next: string;
  skip: string;
  close: string;
  done: string;
  /** "Question {n} of {total}" */
  progress: string;
  /** "Up to {n} characters." */
  limit: string;
  other: string;
  /** Label of the "Other" text field. */
  otherText: string;
  npsLow: string;
  npsHigh: string;
  cesLow: string;
  cesHigh: string;
  ratingLow: string;
  ratingHigh: string;
  /** "{n} of {total} stars" */
  stars: string;
  /** CSAT 1–5, from very dissatisfied to very satisfied. */
  faces: readonly [string, string, string, string, string];
  /** Screen-reader hint on links that open a new tab. */
  newTab: string;
  /** The contact step's consent answers. */
  yes: string;
  no: string;
  /** Names the email/phone choice once the visitor said yes. */
  contactChannel: string;
  email: string;
  phone: string;
  /** Labels of the address field, per channel. */
  emailAddress: string;
  phoneNumber: string;
  /** What is wrong with a typed address, shown under the field. */
  badEmail: string;
  badPhone: string;
  /** The thank-you's body for a visitor who declined to be contacted: the survey's own may promise a reply. */
  noReply: string;
}

export const en: Strings = {
  submit: 'Submit',
  next: 'Next',
  skip: 'Skip',
  close: 'Close survey',
  done: 'Done',
  progress: 'Question {n} of {total}',
  limit: 'Up to {n} characters.',
  other: 'Other',
  otherText: 'Please specify',
  npsLow: 'Not likely',
  npsHigh: 'Very likely',
  cesLow: 'Very difficult',
  cesHigh: 'Very easy',
  ratingLow: 'Poor',
  ratingHigh: 'Excellent',
  stars: '{n} of {total} stars',
  faces: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  newTab: '(opens in a new tab)',
  yes: 'Yes',
  no: 'No',
  contactChannel: 'How should we reach you?',
  email: 'Email',
  phone: 'Phone',
  emailAddress: 'Your email address',
  phoneNumber: 'Your phone number',
  badEmail: 'Enter an email address, like name@example.com.',
  badPhone: 'Enter a phone number of 7 to 20 digits; a + only at the start.',
  noReply: 'Thanks for telling us. We read every answer.',
};

export const fill = (template: string, values: Record<string, number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
