'use client';

import { StoreProvider, useTrainset } from '@/components/store/store-provider';

function Phase() {
  const phase = useTrainset((s) => s.phase);
  return <p>Phase: {phase}</p>;
}

export function TrainsetApp() {
  return (
    <StoreProvider>
      <Phase />
    </StoreProvider>
  );
}
