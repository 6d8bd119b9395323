'use client';

import type { ReviewStatus } from '@/lib/dataset';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';

const CHOICES: { value: string; label: string; statuses: ReviewStatus[] | null }[] = [
  { value: 'any', label: 'Any review status', statuses: null },
  { value: 'unreviewed', label: 'Not reviewed', statuses: ['unreviewed'] },
  { value: 'reviewed', label: 'Reviewed', statuses: ['reviewed'] },
  { value: 'flagged', label: 'Flagged', statuses: ['flagged'] },
  { value: 'changed', label: 'Changed since review', statuses: ['changed'] },
];

/** Show rows by review status (the grid's Review column says each row's). */
export function ReviewFilter() {
  const api = useTrainsetApi();
  const current = useTrainset((s) => s.reviewFilter);
  const value = CHOICES.find((c) => JSON.stringify(c.statuses) === JSON.stringify(current))?.value ?? 'any';
  return (
    <select
      className="input"
      aria-label="Review status"
      value={value}
      onChange={(e) => void api.getState().setReviewFilter(CHOICES.find((c) => c.value === e.target.value)?.statuses ?? null)}
    >
      {CHOICES.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
