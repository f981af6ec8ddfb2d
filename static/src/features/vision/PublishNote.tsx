/**
 * A discreet line when a change was saved but its read copy for the valuerank CLI (project property
 * `valuerank-vision`, ADR 5) was not updated. The change itself succeeded, so this is not an error.
 */
import type { VisionPublished } from '../../../../src/features/vision/api';

/** The reason to show after a change, or undefined when the copy was published. */
export const publishProblem = (answer: VisionPublished): string | undefined =>
  answer.published
    ? undefined
    : (answer.publishReason ?? 'The read copy for the valuerank CLI was not updated.');

export function PublishNote({ problem }: { problem: string | undefined }) {
  if (!problem) return null;
  return (
    <p className="vr-muted vr-vision__publish-note" role="status">
      {problem}
    </p>
  );
}
