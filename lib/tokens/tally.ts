/** One of the longest examples: its position (0-based, in the order examples were added) and tokens. */
export interface LongExample {
  position: number;
  tokens: number;
}

/** What a {@link TokenTally} found. Positions are 0-based, in the order the examples were added. */
export interface TokenSummary {
  examples: number;
  totalTokens: number;
  /** The limit per example the tally was made with. */
  limit: number;
  /** Σ min(limit, tokens): what one epoch over these examples is billed (longer ones are truncated). */
  billableTokens: number;
  /** 0 when there are no examples. */
  mean: number;
  /** As numpy's median: the mean of the two middle counts when the number of examples is even. */
  median: number;
  max: number;
  /** The longest examples, longest first (ties: earlier first). */
  longest: LongExample[];
  /** Positions of the examples over the limit, ascending. */
  overLimit: number[];
}

export interface TallyOptions {
  /** Tokens per training example (the model's limit). */
  limit: number;
  /** How many of the longest examples to keep (default 10). */
  longest?: number;
  /** Called after every `progressEvery` examples (default 10,000) with the number added so far. */
  onProgress?: (examples: number) => void;
  progressEvery?: number;
}

/**
 * Token statistics gathered one example at a time, so a worker can feed a million rows without
 * keeping their text or even their counts: a histogram of counts (a few thousand distinct values)
 * gives the median, and only the longest few and the over-limit positions are listed.
 *
 * Count each example with `ChatExampleCounter` or `ExampleTokens` and {@link add} the result.
 */
export class TokenTally {
  readonly limit: number;
  private readonly keep: number;
  private readonly onProgress: ((examples: number) => void) | undefined;
  private readonly progressEvery: number;
  private n = 0;
  private total = 0;
  private billable = 0;
  private maxTokens = 0;
  /** Examples per token count. */
  private readonly histogram = new Map<number, number>();
  /** The longest so far, longest first; at most `keep`. */
  private readonly top: LongExample[] = [];
  private readonly over: number[] = [];
  private overSorted = true;

  constructor(options: TallyOptions) {
    this.limit = options.limit;
    this.keep = options.longest ?? 10;
    this.onProgress = options.onProgress;
    this.progressEvery = Math.max(1, options.progressEvery ?? 10_000);
  }

  /** Examples added so far. */
  get examples(): number {
    return this.n;
  }

  /**
   * Add one example's token count. `position` names it in {@link TokenSummary.longest} and
   * `overLimit` (default: the number of examples added before it).
   */
  add(tokens: number, position: number = this.n): void {
    this.n++;
    this.total += tokens;
    this.billable += Math.min(this.limit, tokens);
    if (tokens > this.maxTokens) this.maxTokens = tokens;
    this.histogram.set(tokens, (this.histogram.get(tokens) ?? 0) + 1);
    if (tokens > this.limit) {
      if (this.over.length > 0 && position < this.over[this.over.length - 1]!) this.overSorted = false;
      this.over.push(position);
    }
    this.keepIfLong(tokens, position);
    if (this.onProgress && this.n % this.progressEvery === 0) this.onProgress(this.n);
  }

  private keepIfLong(tokens: number, position: number): void {
    const top = this.top;
    if (this.keep === 0) return;
    const last = top[top.length - 1];
    if (top.length === this.keep && last !== undefined && !longer(tokens, position, last)) return;
    // Insertion into a short sorted list: most examples stop at the test above.
    let i = top.length;
    while (i > 0 && longer(tokens, position, top[i - 1]!)) i--;
    top.splice(i, 0, { position, tokens });
    if (top.length > this.keep) top.pop();
  }

  summary(): TokenSummary {
    return {
      examples: this.n,
      totalTokens: this.total,
      limit: this.limit,
      billableTokens: this.billable,
      mean: this.n === 0 ? 0 : this.total / this.n,
      median: this.median(),
      max: this.maxTokens,
      longest: this.top.map((e) => ({ ...e })),
      overLimit: this.overSorted ? [...this.over] : [...this.over].sort((a, b) => a - b),
    };
  }

  private median(): number {
    if (this.n === 0) return 0;
    const counts = [...this.histogram.keys()].sort((a, b) => a - b);
    // The 0-based ranks of the middle one or two examples.
    const lo = Math.floor((this.n - 1) / 2);
    const hi = Math.floor(this.n / 2);
    let seen = 0;
    let low: number | undefined;
    for (const c of counts) {
      seen += this.histogram.get(c)!;
      if (low === undefined && seen > lo) low = c;
      if (seen > hi) return (low! + c) / 2;
    }
    return low!;
  }
}

/** `a` ranks before `b` among the longest: more tokens, or as many and added earlier. */
function longer(tokens: number, position: number, b: LongExample): boolean {
  return tokens > b.tokens || (tokens === b.tokens && position < b.position);
}
