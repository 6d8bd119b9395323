'use client';

import { useId } from 'react';
import { useTrainset } from '@/components/store/store-provider';
import { DownloadButton } from './download-button';
import styles from './export.module.css';

/** The whole session as one file, to carry on elsewhere or hand the work on. */
export function ProjectExport({ onFailure }: { onFailure(message: string | null): void }) {
  const loaded = useTrainset((s) => s.meta !== null);
  const id = useId();
  return (
    <fieldset className={styles.group} aria-describedby={`${id}-help`}>
      <legend className={styles.legend}>Project</legend>
      <p id={`${id}-help`} className={styles.help}>
        One .trainset file with the original file, every edit (undo included), the review progress and the settings. Open it with Upload, in any browser, to
        carry on; <code>trainset export --project</code> writes the same files.
      </p>
      <div>
        <DownloadButton kind="project" label="Download project" disabled={!loaded} onFailure={onFailure} />
      </div>
    </fieldset>
  );
}
