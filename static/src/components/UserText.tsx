import type { ReactNode } from 'react';

/**
 * Text a person wrote (a summary, a criterion, a note, a name, a goal): isolated from the text around it
 * (`<bdi>`, and `unicode-bidi: isolate` in styles.css), so that right-to-left text, or a stray
 * right-to-left override (U+202E), never reorders the rest of the line.
 */
export function UserText({ children, className }: { children: ReactNode; className?: string }) {
  return <bdi className={className ? `vr-user-text ${className}` : 'vr-user-text'}>{children}</bdi>;
}

/** First strong isolate … pop directional isolate: `<bdi>` for plain strings (options, labels, titles). */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
