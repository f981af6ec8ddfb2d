import { SEVERITY_ICON, SEVERITY_LABEL, kindLabel, type Finding } from './labels';

export function FindingList({ findings, label }: { findings: readonly Finding[]; label?: string }) {
  if (findings.length === 0) return null;
  return (
    <ul className="vr-findings" aria-label={label}>
      {findings.map((f, i) => (
        <li key={i} className={`vr-finding vr-finding--${f.severity}`}>
          <span className="vr-finding__icon" role="img" aria-label={SEVERITY_LABEL[f.severity]}>
            {SEVERITY_ICON[f.severity]}
          </span>
          <span className="vr-finding__body">
            <strong>{kindLabel(f.kind)}</strong>
            {f.words ? (
              <>
                {' '}
                · “<bdi>{f.words}</bdi>”
              </>
            ) : null}
            : {f.message}
            {f.suggestion ? <span className="vr-finding__suggestion">Suggestion: {f.suggestion}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
