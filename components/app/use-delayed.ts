import { useEffect, useState } from 'react';

/** `on`, but only once it has stayed true for `ms` (false again at once): no flash for short waits. */
export function useDelayed(on: boolean, ms: number): boolean {
  const [shown, setShown] = useState(false);
  // Off again: forget at once (during render, not in an effect), so the next wait starts hidden.
  if (!on && shown) setShown(false);
  useEffect(() => {
    if (!on) return;
    const t = setTimeout(() => setShown(true), ms);
    return () => clearTimeout(t);
  }, [on, ms]);
  return on && shown;
}
