/** Splits a criterion's text into plain and flagged pieces for in-place highlighting (no HTML involved). */
export interface Piece {
  text: string;
  /** Index of the finding that flags this piece, if any. */
  finding?: number;
}

export interface Span {
  start: number;
  end: number;
  finding: number;
}

/** Overlapping or out-of-range spans are clipped; the earlier span wins where two overlap. */
export function pieces(text: string, spans: readonly Span[]): Piece[] {
  const sorted = [...spans]
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Piece[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.end <= at) continue;
    const start = Math.max(s.start, at);
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ text: text.slice(start, s.end), finding: s.finding });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
