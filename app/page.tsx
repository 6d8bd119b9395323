import { TrainsetApp } from '@/components/app/trainset-app';

export default function HomePage() {
  return <TrainsetApp />;
}
