import styles from './charts.module.css';

/** "+ K more" under a chart showing its top bars, and "Show top N" to fold it again. */
export function MoreToggle({
  hidden,
  total,
  limit,
  expanded,
  onToggle,
  noun,
}: {
  hidden: number;
  total: number;
  limit: number;
  expanded: boolean;
  onToggle(): void;
  /** Plural noun for what the bars are, e.g. "categories". */
  noun: string;
}) {
  if (total <= limit) return null;
  return (
    <button type="button" className={styles.linkButton} aria-expanded={expanded} onClick={onToggle}>
      {expanded ? `Show the top ${limit} only` : `+ ${hidden} more ${noun} (show all ${total})`}
    </button>
  );
}
