import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { CSP_META, CSP_META_DEV } from '@/lib/web/csp';
import './globals.css';

export const metadata: Metadata = {
  title: 'Trainset: review a labelled CSV before fine-tuning',
  description:
    'Review, fix and split a labelled CSV of customer inquiries into train and validation chat JSONL for fine-tuning. Your file stays in your browser.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#ffffff',
};

/*
 * The page may load nothing from another origin; the static server sends the same policy as a
 * header (both from lib/web/csp.ts). In `next dev` React also needs eval; the built site never does.
 */
const CSP = process.env.NODE_ENV === 'development' ? CSP_META_DEV : CSP_META;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta httpEquiv="Content-Security-Policy" content={CSP} />
      </head>
      <body>{children}</body>
    </html>
  );
}
