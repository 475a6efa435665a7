import { z } from 'zod';

/** Desktop: the pointer leaves the page through the top of the viewport (towards the tabs or the address bar). */
export const ExitIntentTrigger = z.object({ type: z.literal('exit-intent') });

/** Time spent on the current page. */
export const DwellTrigger = z.object({ type: z.literal('dwell'), seconds: z.number().int().min(1).max(3600) });

/** A custom event the host app reports with `track(name, properties)`. */
export const EventTrigger = z.object({ type: z.literal('event'), name: z.string().min(1).max(100) });

export const Trigger = z.discriminatedUnion('type', [ExitIntentTrigger, DwellTrigger, EventTrigger]);
export type Trigger = z.infer<typeof Trigger>;
export type TriggerType = Trigger['type'];
