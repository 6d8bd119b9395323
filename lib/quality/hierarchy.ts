import type { CheckContext } from './context';
import { joinAnd, plural, quote } from './format';
import type { CheckDetails, CheckResult } from './types';

const CHILDREN_IN_MESSAGE = 3;
const PARENTS_IN_MESSAGE = 3;
/** Sub-labels and parents per sub-label described in `details` (a column mapped by mistake can have thousands). */
const MAX_CHILDREN = 200;
const MAX_PARENTS = 50;

/**
 * `hierarchy` (warning): with two or more label levels (category › sub-category), a sub-label that
 * appears under more than one parent. Either the taxonomy drifted (the same sub-issue filed under
 * "Closing an account" and "Closing your account") or the name is generic on purpose (hwu64's
 * `query` under 11 scenarios) and only the pair is the class. Every row of such a sub-label is
 * listed, so the grid shows it under all its parents.
 */
export function checkHierarchy(ctx: CheckContext): CheckResult[] {
  const positions: number[] = [];
  const children: (NonNullable<CheckDetails['children']>[number] & { parentCount: number })[] = [];
  for (let level = 1; level < ctx.labels.length; level++) {
    const parentCol = ctx.labels[level - 1]!;
    const childCol = ctx.labels[level]!;
    const parent = ctx.values(parentCol);
    const child = ctx.values(childCol);
    // Rows per (child, parent) pair, keyed child * parents + parent.
    const width = parent.values.length;
    const pairs = new Map<number, number>();
    for (let r = 0; r < ctx.rowCount; r++) {
      const c = child.codes[r]!;
      const p = parent.codes[r]!;
      if (child.missing[c] === 1 || parent.missing[p] === 1) continue;
      const key = c * width + p;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
    const parentsOf = new Map<number, { label: string; count: number }[]>();
    for (const [key, count] of pairs) {
      const c = Math.floor(key / width);
      let list = parentsOf.get(c);
      if (list === undefined) parentsOf.set(c, (list = []));
      list.push({ label: parent.values[key - c * width]!, count });
    }
    const shared = new Uint8Array(child.values.length);
    for (const [c, parents] of [...parentsOf].sort((a, b) => a[0] - b[0])) {
      if (parents.length < 2) continue;
      shared[c] = 1;
      parents.sort((a, b) => b.count - a.count);
      children.push({ column: ctx.name(childCol), parentColumn: ctx.name(parentCol), label: child.values[c]!, parents, parentCount: parents.length });
    }
    if (!shared.includes(1)) continue;
    // Rows whose parent is missing are left out, as in the counts.
    for (const r of ctx.positionsOf(child, shared)) if (parent.missing[parent.codes[r]!] !== 1) positions.push(r);
  }
  if (children.length === 0) return [];
  const listed = children.slice(0, CHILDREN_IN_MESSAGE).map((c) => {
    const shown = c.parents.slice(0, PARENTS_IN_MESSAGE).map((p) => `${quote(p.label, 30)} ${p.count.toLocaleString('en-US')}`);
    if (c.parentCount > PARENTS_IN_MESSAGE) shown.push(`${(c.parentCount - PARENTS_IN_MESSAGE).toLocaleString('en-US')} more`);
    return `${c.column} ${quote(c.label)} is under ${c.parentCount.toLocaleString('en-US')} ${c.parentColumn} values (${shown.join(', ')})`;
  });
  if (children.length > CHILDREN_IN_MESSAGE) listed.push(plural(children.length - CHILDREN_IN_MESSAGE, 'more sub-label'));
  return [
    ctx.result({
      id: 'hierarchy',
      severity: 'warning',
      positions,
      message:
        `${plural(children.length, 'sub-label')} ${children.length === 1 ? 'appears' : 'appear'} under more than one parent: ${joinAnd(listed)}. ` +
        'If the name means the same thing everywhere, the parents probably drifted apart (merge them, or move the sub-label under one); if it means something different under each, this is fine.',
      details: {
        children: children.slice(0, MAX_CHILDREN).map(({ parentCount: _, parents, ...c }) => ({ ...c, parents: parents.slice(0, MAX_PARENTS) })),
        ...(children.length > MAX_CHILDREN || children.some((c) => c.parentCount > MAX_PARENTS) ? { truncated: true } : {}),
      },
    }),
  ];
}
