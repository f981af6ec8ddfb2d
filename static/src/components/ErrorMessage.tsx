import { AppCallError } from '../bridge';
import { Button } from './Button';

/** What went wrong, in the resolver's own words, with Jira's details and a retry. */
export function ErrorMessage({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
  const message =
    error instanceof AppCallError
      ? error.message
      : error instanceof Error
        ? error.message
        : 'Something went wrong. Try again.';
  const details = error instanceof AppCallError ? error.details : [];
  return (
    <div className="vr-error" role="alert">
      <p className="vr-error__title">{title}</p>
      <p className="vr-error__message">{message}</p>
      {details.length > 0 ? (
        <ul className="vr-error__details">
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
      {onRetry ? <Button onClick={onRetry}>Try again</Button> : null}
    </div>
  );
}
