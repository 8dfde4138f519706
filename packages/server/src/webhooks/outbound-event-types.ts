/** The events HireWall sends to webhook subscriptions (docs/webhooks.md, "Events", describes each payload). */
export const outboundEventTypes = ['screening.completed', 'screening.outcome_changed', 'case.decided'] as const
/** One of {@link outboundEventTypes}. */
export type OutboundEventType = (typeof outboundEventTypes)[number]

/** What a subscription may list: any of {@link outboundEventTypes}, or `*` for every event, also ones added later. */
export const subscribableEventTypes = [...outboundEventTypes, '*'] as const
/** One of {@link subscribableEventTypes}. */
export type SubscribableEventType = (typeof subscribableEventTypes)[number]
