import type { Distribution } from '@/lib/engine';

/** A label as the review offers it: one value per label column (the pair for category + sub-category), and its rows. */
export interface JointLabel {
  values: Record<string, string>;
  text: string;
  count: number;
}

/** Every label combination in the data, most frequent first: the list the reviewer picks from with 1–9 or by typing. */
export function jointLabels(distribution: Distribution | null): JointLabel[] {
  if (!distribution) return [];
  const [first, second] = distribution.labels;
  if (first === undefined) return [];
  if (second !== undefined && distribution.nested) {
    const all = distribution.nested.flatMap((p) =>
      p.children.map((c) => ({ values: { [first]: p.parent, [second]: c.value }, text: `${p.parent} › ${c.value}`, count: c.count })),
    );
    return all.sort((a, b) => b.count - a.count);
  }
  return (distribution.counts[0]?.values ?? []).map((v) => ({ values: { [first]: v.value }, text: v.value, count: v.count }));
}

/** Labels whose text contains what was typed (case-insensitive), those starting with it first. */
export function matchLabels(labels: readonly JointLabel[], typed: string): JointLabel[] {
  const t = typed.trim().toLowerCase();
  if (t === '') return [...labels];
  const hits = labels.filter((l) => l.text.toLowerCase().includes(t));
  return [...hits.filter((l) => l.text.toLowerCase().startsWith(t)), ...hits.filter((l) => !l.text.toLowerCase().startsWith(t))];
}

/** Whether a row's labels are this label. */
export const sameLabel = (a: Record<string, string>, b: Record<string, string>): boolean => Object.keys(a).every((k) => a[k] === b[k]);
