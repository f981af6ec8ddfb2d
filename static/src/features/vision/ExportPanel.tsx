/** The vision as Markdown: downloaded as a .md file, and shown in a text area to copy. */
import { useEffect, useId, useState } from 'react';
import { call } from '../../bridge';
import { Button, ErrorMessage, Section } from '../../components';

export function ExportPanel({ projectKey }: { projectKey: string }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [result, setResult] = useState<{ markdown: string; filename: string; url: string } | undefined>();

  useEffect(() => () => (result ? URL.revokeObjectURL(result.url) : undefined), [result]);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { markdown, filename } = await call('vision.export', { projectKey });
      const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
      setResult({ markdown, filename, url });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Export">
      <div className="vr-actions">
        <Button onClick={() => void run()} disabled={busy}>
          {busy ? 'Exporting…' : 'Export as Markdown'}
        </Button>
        {result ? (
          <a className="vr-button vr-button--link" href={result.url} download={result.filename}>
            Download {result.filename}
          </a>
        ) : null}
      </div>
      {error ? <ErrorMessage title="The vision could not be exported." error={error} /> : null}
      {result ? (
        <div className="vr-field">
          <label className="vr-field__label" htmlFor={id}>
            Markdown (select all and copy)
          </label>
          <textarea
            id={id}
            className="vr-textarea vr-vision__markdown"
            readOnly
            rows={14}
            value={result.markdown}
          />
        </div>
      ) : null}
    </Section>
  );
}
