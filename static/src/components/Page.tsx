import type { ReactNode } from 'react';

export function Page({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className="vr-page">
      <header className="vr-page__header">
        <h1 className="vr-page__title">{title}</h1>
        {subtitle ? <p className="vr-page__subtitle">{subtitle}</p> : null}
      </header>
      {children}
    </main>
  );
}
