import { z } from 'zod';
import { selectorProblem } from './check-selector.js';
import { PropertyFilter } from './property-filter.js';
import { UrlRules } from './url-rules.js';

/** Wait this long between the trigger firing and the survey showing (targeting and caps are checked again then). */
const delaySeconds = z.number().int().min(0).max(3600).optional();

/**
 * The visitor is about to leave. Desktop: the pointer leaves the page through the top of the viewport (towards
 * the tabs or the address bar). With `mobile`, also a fast upward scroll near the top of the page, and the tab
 * being hidden after the visitor engaged (scrolled, tapped or typed). Leaves in the first `ignoreFirstSeconds`
 * of a page view do not count.
 */
export const ExitIntentTrigger = z.object({
  type: z.literal('exit-intent'),
  ignoreFirstSeconds: z.number().int().min(0).max(600).optional(),
  mobile: z.object({ scrollUp: z.boolean().default(true), tabHidden: z.boolean().default(true) }).optional(),
  delaySeconds,
});

/** Time the page has been visible (a background tab does not count); restarts on each single-page-app route. */
export const DwellTrigger = z.object({ type: z.literal('dwell'), seconds: z.number().int().min(1).max(3600), delaySeconds });

/** The visitor scrolled at least `percent` of the page (100: the bottom). */
export const ScrollTrigger = z.object({ type: z.literal('scroll'), percent: z.number().int().min(1).max(100), delaySeconds });

/** A click on (or inside) an element matching `selector`, whose text contains `text` when given (case-insensitive). */
export const ClickTrigger = z
  .object({ type: z.literal('click'), selector: z.string().trim().min(1).max(500), text: z.string().min(1).max(200).optional(), delaySeconds })
  .superRefine((trigger, ctx) => {
    const problem = selectorProblem(trigger.selector);
    if (problem) ctx.addIssue({ code: 'custom', path: ['selector'], message: `not a CSS selector: ${problem}` });
  });

/** A page view (the first load or a single-page-app route change) whose URL matches `urls`. */
export const PageViewTrigger = z.object({ type: z.literal('page-view'), urls: UrlRules, delaySeconds });

/**
 * A custom event the host app reports with `track(name, properties)`, when every filter in `where` matches its
 * properties. Shops: report `checkout_completed` with `{ total }` after an order.
 */
export const EventTrigger = z.object({
  type: z.literal('event'),
  name: z.string().min(1).max(100),
  where: z.array(PropertyFilter).max(20).optional(),
  delaySeconds,
});

/** The visitor's `pageViews`-th page view, or `sessions`-th session (a new one after 30 minutes idle), or later. */
export const VisitsTrigger = z
  .object({ type: z.literal('visits'), pageViews: z.number().int().min(1).max(10_000).optional(), sessions: z.number().int().min(1).max(10_000).optional(), delaySeconds })
  .superRefine((trigger, ctx) => {
    if (trigger.pageViews === undefined && trigger.sessions === undefined)
      ctx.addIssue({ code: 'custom', path: ['pageViews'], message: 'give pageViews or sessions' });
  });

export const Trigger = z.discriminatedUnion('type', [
  ExitIntentTrigger,
  DwellTrigger,
  ScrollTrigger,
  ClickTrigger,
  PageViewTrigger,
  EventTrigger,
  VisitsTrigger,
]);
export type Trigger = z.infer<typeof Trigger>;
export type TriggerType = Trigger['type'];
