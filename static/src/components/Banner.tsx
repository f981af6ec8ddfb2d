import type { ReactNode } from 'react';

export type BannerTone = 'information' | 'warning' | 'success' | 'danger';

/**
 * A message across the view. Warnings and information are a `status` (announced politely); pass
 * `alert` for something the user must act on now.
 */
export function Banner({
  tone = 'information',
  title,
  alert,
  children,
  actions,
}: {
  tone?: BannerTone;
  title: ReactNode;
  alert?: boolean;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className={`vr-banner vr-banner--${tone}`} role={alert ? 'alert' : 'status'}>
      <p className="vr-banner__title">{title}</p>
      {children ? <div className="vr-banner__body">{children}</div> : null}
      {actions ? <div className="vr-banner__actions">{actions}</div> : null}
    </div>
  );
}
