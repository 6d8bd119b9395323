/** numpy-compatible legacy MT19937 (`RandomState(int)`), see shared/docs/sklearn-split.md §1–3. */
export { MT19937, MAX_SEED, isValidSeed } from './mt19937';
