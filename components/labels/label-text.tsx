import { VisibleText } from '@/components/app/visible-text';
import styles from './labels.module.css';

/** A label as text, "(empty)" for none, stray spaces and invisible characters drawn. */
export function LabelText({ value }: { value: string }) {
  if (value === '') return <span className={styles.mark}>(empty)</span>;
  return <VisibleText value={value} markClassName={styles.mark} />;
}
