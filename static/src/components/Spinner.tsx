export function Spinner({ label }: { label: string }) {
  return (
    <div className="vr-spinner" role="status" aria-live="polite">
      <span className="vr-spinner__circle" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
