'use client';

import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { ReviewDialog } from './review-dialog';
import styles from './review.module.css';

const numbers = new Intl.NumberFormat('en-US');

/** "Review" and how far the review has come; opens the review mode (in the last order chosen). */
export function ReviewButton() {
  const api = useTrainsetApi();
  const { reviewed, rows, open } = useTrainset((s) => ({ reviewed: s.status.review.reviewed, rows: s.status.rows, open: s.review !== null }));
  return (
    <span className={styles.launcher}>
      <button type="button" className="btn btn-primary" onClick={() => void api.getState().openReview()}>
        Review
      </button>
      <span className={styles.launcherProgress}>
        {numbers.format(reviewed)} of {numbers.format(rows)} reviewed
      </span>
      {open && <ReviewDialog />}
    </span>
  );
}
