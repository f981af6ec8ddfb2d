import type { ReactNode } from 'react';

export function EmptyState({
  title,
  description,
  action,
}: {
  title: string;
  description: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="vr-empty">
      <p className="vr-empty__title">{title}</p>
      <p className="vr-empty__description">{description}</p>
      {action}
    </div>
  );
}
