import type { ButtonHTMLAttributes } from 'react';

type Appearance = 'default' | 'primary' | 'subtle' | 'link';

export function Button({
  appearance = 'default',
  isSelected,
  className,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { appearance?: Appearance; isSelected?: boolean }) {
  const classes = [
    'vr-button',
    `vr-button--${appearance}`,
    isSelected ? 'vr-button--selected' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return <button type={type} className={classes} aria-pressed={isSelected} {...rest} />;
}
