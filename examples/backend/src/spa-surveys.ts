import type { SurveyDefinitionInput } from '@closeloop/sdk/schemas';

/**
 * The surveys the example SPA shows, kept as code beside the app and put into the project on every start (a PUT
 * replaces a survey whole, so this list is the truth and a restart is harmless).
 */
export const spaSurveys: SurveyDefinitionInput[] = [
  {
    id: 'spa-checkout',
    name: 'Checkout satisfaction (example SPA)',
    questions: [
      { id: 'csat', type: 'csat', prompt: 'How satisfied are you with checking out?' },
      { id: 'comment', type: 'text', prompt: 'What could we do better?' },
    ],
    // The SPA calls track('checkout_completed', { total }) when an order is placed; only larger orders are asked.
    triggers: [{ type: 'event', name: 'checkout_completed', where: [{ property: 'total', op: 'gt', value: 100 }] }],
    thankYou: { title: 'Thanks for your order and your answer!' },
  },
  {
    id: 'spa-product',
    name: 'Finding products (example SPA)',
    questions: [{ id: 'ces', type: 'ces', prompt: 'How easy was it to find this product?' }],
    // A page view of any product route: the SDK sees the SPA's pushState route changes, no code in the app.
    triggers: [{ type: 'page-view', urls: { match: 'any', rules: [{ op: 'glob', value: '/products/*' }] } }],
  },
];
