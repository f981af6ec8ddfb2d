/** The server's field-level messages about a part of the readiness rules, shown under the field. */
import { problemsAt } from './rules';

/** The server's messages about the given paths, under a field. */
export function FieldErrors({
  id,
  details,
  paths,
}: {
  id: string;
  details: readonly string[];
  paths: string[];
}) {
  const mine = problemsAt(details, ...paths);
  if (mine.length === 0) return null;
  return (
    <div id={id}>
      {mine.map((d) => (
        <p key={d} className="vr-field__error">
          {d}
        </p>
      ))}
    </div>
  );
}
