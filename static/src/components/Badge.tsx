import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'information' | 'success' | 'warning' | 'danger' | 'discovery';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`vr-badge vr-badge--${tone}`}>{children}</span>;
}
