'use client';

import { useState } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
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
  /** The message is a whole sentence naming the file (a project's): shown as it is. */
  whole?: boolean;
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
      {error.whole ? (
        <p>{error.message}</p>
      ) : (
        <p>
          <strong>{error.fileName}</strong> could not be read: {error.message}
        </p>
      )}
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
  const damaged = restored.damage.length > 0;
  return (
    <Banner
      tone={damaged ? 'warning' : 'info'}
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
        {restored.project ? (
          <>
            Opened the project <strong>{restored.project}</strong>: the work on <strong>{fileName}</strong> as saved {formatSavedAt(restored.savedAt, now)},
            with its edits (undo included), review progress and settings.
          </>
        ) : (
          <>
            Restored your work on <strong>{fileName}</strong> from {formatSavedAt(restored.savedAt, now)}.
          </>
        )}
      </p>
      {restored.droppedSettings.length > 0 && (
        <p>
          Some saved settings could not be read and are back to their defaults ({restored.droppedSettings.join(', ')}); check the Export and Issues settings.
        </p>
      )}
      {damaged && (
        <>
          <p>Not everything saved could be brought back:</p>
          <ul>
            {restored.damage.map((d) => (
              <li key={d}>{d};</li>
            ))}
          </ul>
          <p>The edits before that are all here; check the rows you changed last.</p>
        </>
      )}
    </Banner>
  );
}

/**
 * Changes this browser has not stored yet because its storage fails: the message stays until
 * every change is stored, and says how to keep a copy meanwhile.
 */
export function SaveStateBanner() {
  const { unsaved, error } = useTrainset((s) => s.saveState);
  if (error === null) return null;
  return (
    <Banner tone="danger" role="alert">
      <p>
        <strong>Changes aren&apos;t being saved:</strong> {error}
        {unsaved > 0 ? ` (${unsaved === 1 ? '1 change' : `${unsaved.toLocaleString('en')} changes`} waiting)` : ''}. Trainset keeps trying. Your work is safe in
        this tab while it stays open; download the cleaned CSV to keep a copy.
      </p>
    </Banner>
  );
}

/** The data worker was restarted (or could not be): say so until dismissed. */
export function EngineNotice() {
  const api = useTrainsetApi();
  const notice = useTrainset((s) => s.engineNotice);
  if (!notice) return null;
  return (
    <Banner
      tone={notice.tone === 'danger' ? 'danger' : 'info'}
      role={notice.tone === 'danger' ? 'alert' : 'status'}
      actions={
        <button type="button" className="btn btn-small" onClick={() => api.getState().dismissEngineNotice()}>
          Dismiss
        </button>
      }
    >
      <p>{notice.message}</p>
    </Banner>
  );
}

/** The saved session could not be opened: say why instead of a silent start screen. */
export function RestoreFailureBanner({ reason }: { reason: string }) {
  return (
    <Banner tone="warning" role="alert">
      <p>Your saved work could not be restored: {reason}.</p>
      <p>Open the file again to start a new session; if you downloaded a cleaned CSV, open that to continue from your edits.</p>
    </Banner>
  );
}
