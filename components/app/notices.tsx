'use client';

import { useState } from 'react';
import { useTrainset } from '@/components/store/store-provider';
import { Banner } from './banner';
import { formatSavedAt } from './file-facts';

/** Another tab holds the session: say so, and offer to move the session here. */
export function OtherTabBanner({ onTakeOver }: { onTakeOver(): void }) {
  const otherTab = useTrainset((s) => s.otherTab);
  if (!otherTab) return null;
  return (
    <Banner
      tone="warning"
      role="status"
      actions={
        <button type="button" className="btn btn-small" onClick={onTakeOver}>
          Use this tab instead
        </button>
      }
    >
      <p>Trainset is open in another tab. To avoid overwriting its work, this tab is read-only.</p>
    </Banner>
  );
}

export interface LoadFailure {
  fileName: string;
  message: string;
}

/** Why the last file could not be read; whatever was loaded before is still there underneath. */
export function LoadErrorBanner({ error, onDismiss }: { error: LoadFailure; onDismiss(): void }) {
  const current = useTrainset((s) => (s.phase === 'ready' || s.phase === 'mapping' ? (s.meta?.fileName ?? null) : null));
  return (
    <Banner
      tone="danger"
      role="alert"
      actions={
        <button type="button" className="btn btn-small" onClick={onDismiss}>
          Dismiss
        </button>
      }
    >
      <p>
        <strong>{error.fileName}</strong> could not be read: {error.message}
      </p>
      <p>
        {current ? `Choose another file with Upload CSV, or keep working on ${current}: it is unchanged.` : 'Choose another file, or try the sample dataset.'}
      </p>
    </Banner>
  );
}

/** After a reload: whose work came back, and from when. */
export function RestoredNotice({ onStartOver }: { onStartOver(): void }) {
  const { restored, fileName, otherTab } = useTrainset((s) => ({ restored: s.restored, fileName: s.meta?.fileName ?? null, otherTab: s.otherTab }));
  const [dismissed, setDismissed] = useState<number | null>(null);
  // "today" / "yesterday" as of when the notice appeared (rendering again must not change the text).
  const [now] = useState(() => Date.now());
  // A read-only tab shows the other tab's saved work: "restored" would suggest it is this tab's.
  if (!restored || !fileName || otherTab || dismissed === restored.savedAt) return null;
  const dropped = restored.droppedEdits;
  return (
    <Banner
      tone="info"
      role="status"
      actions={
        <>
          <button type="button" className="btn btn-small" onClick={onStartOver}>
            Start over
          </button>
          <button type="button" className="btn btn-small" onClick={() => setDismissed(restored.savedAt)}>
            Dismiss
          </button>
        </>
      }
    >
      <p>
        Restored your work on <strong>{fileName}</strong> from {formatSavedAt(restored.savedAt, now)}.
      </p>
      {restored.droppedSettings.length > 0 && (
        <p>
          Some saved settings could not be read and are back to their defaults ({restored.droppedSettings.join(', ')}); check the Export and Issues settings.
        </p>
      )}
      {dropped > 0 && (
        <p>{dropped === 1 ? '1 edit' : `${dropped} edits`} could not be restored (the saved copy was damaged); check the rows you changed last.</p>
      )}
    </Banner>
  );
}
