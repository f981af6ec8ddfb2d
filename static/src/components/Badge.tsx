import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'information' | 'success' | 'warning' | 'danger' | 'discovery';

/** A lozenge (upper case, e.g. a status) or, with `plain`, a note in sentence case ("blocks TRAIL-12"). */
export function Badge({
  tone = 'neutral',
  plain,
  children,
}: {
  tone?: BadgeTone;
  plain?: boolean;
  children: ReactNode;
}) {
  return <span className={`vr-badge vr-badge--${tone}${plain ? ' vr-badge--plain' : ''}`}>{children}</span>;
}
