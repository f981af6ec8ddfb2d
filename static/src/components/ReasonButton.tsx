import { useId } from 'react';
import type { ButtonHTMLAttributes } from 'react';
import { Button } from './Button';

/**
 * A button that says why it is disabled: the reason is its tooltip (`title`) and its accessible
 * description (`aria-describedby`), so a disabled control never just sits there.
 */
export function ReasonButton({
  reason,
  disabled,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  appearance?: 'default' | 'primary' | 'subtle' | 'link';
  isSelected?: boolean;
  /** Why the button is disabled; shown only while it is. */
  reason?: string | undefined;
}) {
  const id = useId();
  const why = disabled && reason ? reason : undefined;
  return (
    <>
      <Button
        {...rest}
        disabled={disabled}
        title={why ?? rest.title}
        aria-describedby={why ? id : rest['aria-describedby']}
      />
      {why ? (
        <span id={id} className="vr-sr-only">
          {why}
        </span>
      ) : null}
    </>
  );
}
