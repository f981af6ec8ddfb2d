import { pieces, type Span } from './highlight';
import { SEVERITY_LABEL, kindLabel, type Finding } from './labels';

/** Text with the flagged words wrapped in <mark>, built from slices (React escapes every piece). */
export function Highlighted({
  text,
  findings,
}: {
  text: string;
  findings: ReadonlyArray<{ finding: Finding; index: number }>;
}) {
  const spans: Span[] = findings
    .filter(({ finding }) => finding.start !== undefined && finding.end !== undefined)
    .map(({ finding, index }) => ({ start: finding.start!, end: finding.end!, finding: index }));
  const byIndex = new Map(findings.map(({ finding, index }) => [index, finding]));
  return (
    <bdi className="vr-criterion__text">
      {pieces(text, spans).map((p, i) => {
        const f = p.finding === undefined ? undefined : byIndex.get(p.finding);
        if (!f) return <span key={i}>{p.text}</span>;
        return (
          <mark
            key={i}
            className={`vr-mark vr-mark--${f.severity}`}
            data-kind={f.kind}
            title={`${SEVERITY_LABEL[f.severity]}: ${kindLabel(f.kind)}. ${f.message}`}
          >
            {p.text}
          </mark>
        );
      })}
    </bdi>
  );
}
