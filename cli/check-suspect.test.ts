import { describe, expect, it } from 'vitest';
import { tempFile, trainset } from './testing';

/** 90 rows of three topics, each label a (category, sub_category) pair; rows 5 and 9 are labelled as another topic. */
function csv(): string {
  const topics = [
    { labels: 'billing,refund', texts: ['I want a refund for my payment', 'please refund the money you charged me', 'refund my last payment'] },
    { labels: 'shipping,late', texts: ['my parcel has not arrived yet', 'where is my package, the delivery is late', 'delivery of my package is delayed'] },
    { labels: 'account,password', texts: ['I forgot my password and cannot log in', 'the password reset email never came', 'reset my password please'] },
  ];
  const extras = ['', ' today', ' again', ' urgently', ' thanks', ' please help', ' since monday', ' asap', ' now', ' quickly'];
  const rows: string[] = [];
  for (let i = 0; i < 30; i++) {
    for (const { labels, texts } of topics) rows.push(`"${texts[i % 3]}${extras[Math.floor(i / 3)]}",${labels}`);
  }
  rows[4] = rows[4]!.replace('shipping,late', 'billing,refund');
  rows[8] = rows[8]!.replace('account,password', 'shipping,late');
  return `inquiry,category,sub_category\n${rows.join('\n')}\n`;
}

interface SuspectJson {
  id: string;
  severity: string;
  count: number;
  rows: number[];
  suggestions: { row: number; label: Record<string, string>; given: Record<string, string>; confidence: number }[];
  message: string;
}

describe('trainset check: suspect-label', () => {
  const file = tempFile('flipped.csv', csv(), 'trainset-suspect-');

  it('lists the suspect rows with the given and suggested labels', () => {
    const r = trainset(['check', file]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('warning  suspect-label: 2 rows may be mislabelled: a model trained on the other rows confidently gives them another label');
    expect(r.stdout).toMatch(/\n {9}row 5: "billing › refund" → "shipping › late" \(\d+%\)\n/);
    expect(r.stdout).toMatch(/\n {9}row 9: "shipping › late" → "account › password" \(\d+%\)\n/);
  });

  it('--json: the finding with its suggestions, most suspicious first, and every check that ran', () => {
    const r = trainset(['check', file, '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { ran: string[]; checks: SuspectJson[] };
    expect(report.ran).toContain('empty');
    expect(report.ran.at(-1)).toBe('suspect-label');
    const finding = report.checks.find((c) => c.id === 'suspect-label')!;
    expect(Object.keys(finding).slice(0, 6)).toEqual(['id', 'severity', 'count', 'rows', 'suggestions', 'message']);
    expect(finding).toMatchObject({ severity: 'warning', count: 2 });
    expect([...finding.rows].sort((a, b) => a - b)).toEqual([5, 9]);
    expect(finding.suggestions.map((s) => s.row)).toEqual(finding.rows);
    const byRow = Object.fromEntries(finding.suggestions.map((s) => [s.row, s]));
    expect(byRow[5]).toMatchObject({ label: { category: 'shipping', sub_category: 'late' }, given: { category: 'billing', sub_category: 'refund' } });
    expect(byRow[9]!.label).toEqual({ category: 'account', sub_category: 'password' });
    for (const s of finding.suggestions) expect(s.confidence).toBeGreaterThan(0.5);
  });

  it('--no-suspect skips it, and says so in "ran"', () => {
    const r = trainset(['check', file, '--json', '--no-suspect']);
    const report = JSON.parse(r.stdout) as { ran: string[]; checks: SuspectJson[] };
    expect(report.ran).not.toContain('suspect-label');
    expect(report.ran).toContain('target-limits');
    expect(report.checks.find((c) => c.id === 'suspect-label')).toBeUndefined();
  });
});
