export default function HomePage() {
  return (
    <main style={{ maxWidth: 720, margin: '4rem auto', fontFamily: 'system-ui, sans-serif', lineHeight: 1.5 }}>
      <h1>Trainset</h1>
      <p>
        Turn a labelled CSV of customer inquiries into stratified train and validation JSONL files for
        fine-tuning, byte for byte what the notebook writes. Your data never leaves this browser.
      </p>
      <p>
        The curation app is being built. Today the same engine runs on the command line:{' '}
        <code>npx trainset export dataset.csv</code>.
      </p>
    </main>
  );
}
