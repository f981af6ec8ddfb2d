/**
 * The dashboard gadget's panels and the length of its top list: what `gadget.health` accepts and what the
 * gadget's edit view offers (the UI imports this module alone, so it stays free of imports).
 */
export const GADGET_PANELS = [
  'top',
  'readiness',
  'questions',
  'quadrants',
  'order',
  'agenda',
  'trend',
  'goals',
] as const;
export type GadgetPanel = (typeof GADGET_PANELS)[number];

/** The most items a top list shows. */
export const MAX_TOP_N = 50;
