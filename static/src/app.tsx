/** Mounts a module's React tree with the design tokens, the shared styles and Forge theming. */
import 'virtual:ds-tokens.css';
import './styles.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { enableTheme } from './bridge';

export function mount(app: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  enableTheme().catch(() => undefined);
  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
