import { useId, type ReactNode } from 'react';

export function Section({
  title,
  actions,
  children,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="vr-section" aria-labelledby={id}>
      <div className="vr-section__header">
        <h2 className="vr-section__title" id={id}>
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
