import { diffLines, diffWords } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * What changed from one version of the terms to another: lines first (fast on long terms), then, where a
 * run of lines was replaced, the words within it, so a changed figure shows as that figure and not as a
 * whole paragraph removed and added again.
 */
export function diffTerms(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else if (text) parts.push({ kind, text });
  };
  const lines = diffLines(before, after);
  for (let index = 0; index < lines.length; index++) {
    const change = lines[index];
    const next = lines[index + 1];
    if (change.removed && next?.added) {
      for (const word of diffWords(change.value, next.value)) push(word.added ? 'added' : word.removed ? 'removed' : 'same', word.value);
      index++;
    } else {
      push(change.added ? 'added' : change.removed ? 'removed' : 'same', change.value);
    }
  }
  return parts;
}
