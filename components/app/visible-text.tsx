import { previewSegments } from '@/components/issues/fix-text';

/**
 * Text with its hidden characters drawn (· stray spaces, ⇥ tab, ↵ line break, ⍽ unusual space,
 * ◌ invisible, ␀ control), so "Billing " and "Billing" do not look the same. The marks are for the
 * eye; screen readers hear what each stands for. Long texts are cut around `focus`.
 */
export function VisibleText({ value, focus, markClassName }: { value: string; focus?: number; markClassName?: string | undefined }) {
  return (
    <>
      {previewSegments(value, focus).map((seg, i) =>
        seg.hidden ? (
          <span key={i}>
            <span aria-hidden="true" className={markClassName} title={seg.hidden}>
              {seg.text}
            </span>
            <span className="visually-hidden">({seg.hidden})</span>
          </span>
        ) : (
          <span key={i}>{seg.text}</span>
        ),
      )}
    </>
  );
}
