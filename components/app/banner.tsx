import type { ReactNode } from 'react';
import { AlertIcon, InfoIcon, LockIcon } from './icons';
import styles from './banner.module.css';

const ICONS = { danger: AlertIcon, warning: LockIcon, info: InfoIcon };

interface Props {
  tone: keyof typeof ICONS;
  /** "alert" interrupts a screen reader; "status" waits for a pause. */
  role: 'alert' | 'status';
  children: ReactNode;
  actions?: ReactNode;
}

/** A full-width message above the content, with its buttons on the right. */
export function Banner({ tone, role, children, actions }: Props) {
  const Icon = ICONS[tone];
  return (
    <div className={styles.banner} data-tone={tone} role={role}>
      <Icon className={styles.icon} />
      <div className={styles.body}>{children}</div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
