'use client';

import styles from './error.module.css';

/**
 * What shows if something in the page breaks (a bug: expected problems, like an unreadable file,
 * are messages in the app). No stack trace: the people using Trainset cannot act on one. The
 * dataset and edits are saved in this browser as they happen, so reloading brings them back.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className={styles.page}>
      <div className={styles.card} role="alert">
        <h1 className={styles.title}>Something went wrong on this page</h1>
        <p>Your dataset and your edits are saved in this browser, so reloading the page should bring them back.</p>
        <p className={styles.muted}>If it happens again, note what you clicked last and tell whoever looks after Trainset.</p>
        <div className={styles.actions}>
          <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <button type="button" className="btn" onClick={() => reset()}>
            Try again without reloading
          </button>
        </div>
      </div>
    </main>
  );
}
