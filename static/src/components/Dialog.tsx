import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './Button';

/**
 * A modal dialog on the native <dialog>: the browser traps focus, closes on Escape and gives focus back
 * to what had it. Rendered while open; `onClose` runs however it closes.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (!dialog.open) dialog.showModal();
    const closed = () => closeRef.current();
    dialog.addEventListener('close', closed);
    return () => {
      dialog.removeEventListener('close', closed);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} className={`vr-dialog${wide ? ' vr-dialog--wide' : ''}`} aria-labelledby={titleId}>
      <div className="vr-dialog__header">
        <h2 className="vr-dialog__title" id={titleId}>
          {title}
        </h2>
        <Button appearance="subtle" aria-label="Close" onClick={() => ref.current?.close()}>
          ✕
        </Button>
      </div>
      <div className="vr-dialog__body">{children}</div>
    </dialog>
  );
}
