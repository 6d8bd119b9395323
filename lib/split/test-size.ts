/**
 * `test_size` handling: parsing user text into an int/float {@link TestSize}, and sklearn's
 * `_validate_shuffle_split` (§4.1), the first check of every split.
 */
import { emptyTrainError, invalidTestSizeError, nanTestSizeError } from './errors';
import type { SplitSizesResult, TestSize } from './types';

// Python's int()/float() strip exactly the characters Py_UNICODE_ISSPACE accepts (JS trim() also
// strips U+FEFF, which Python does not).
const PY_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g');
// Digits with single underscores between them (PEP 515), as int() and float() accept.
const DIGITS = '\\d(?:_?\\d)*';
const INT_RE = new RegExp(`^[+-]?${DIGITS}$`);
const FLOAT_RE = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * Parse a test size as typed by a user (CLI/app), keeping Python's int/float distinction:
 * `"0.2"` → float, `"40"` → int, `"40.0"` → float, `"1e-3"` → float, `"-1"` → int, `"1_000"` → int.
 *
 * Mirrors Python's `int(text)` (tried first) then `float(text)` for ASCII decimal text:
 * surrounding whitespace is ignored as both functions do (so `" 0.2 "` → float 0.2), a sign and
 * single underscores between digits are allowed, `inf`/`infinity`/`nan` (any case, optional
 * sign) are floats. Out-of-range values are *parsed*, not refused — `splitSizes` reports them with
 * sklearn's message. Not supported (→ `null`): non-ASCII digits (Python accepts e.g. "４０"),
 * hex/octal/binary literals.
 *
 * @returns the test size, or `null` when the text is not a number at all (a usage error).
 */
export function parseTestSize(text: string): TestSize | null {
  const s = text.replace(STRIP, '');
  if (INT_RE.test(s)) return { kind: 'int', value: Number(s.replace(/_/g, '')) };
  if (FLOAT_RE.test(s)) return { kind: 'float', value: Number(s.replace(/_/g, '')) };
  const special = SPECIAL_RE.exec(s);
  if (special !== null) {
    const negative = special[1] === '-';
    const value = (special[2] ?? '').toLowerCase() === 'nan' ? Number.NaN : Infinity;
    return { kind: 'float', value: negative ? -value : value };
  }
  return null;
}

/**
 * Validate a test size and compute n_train / n_test exactly as sklearn's `_validate_shuffle_split`
 * does with `train_size=None` (§4.1). This is the first check of every split.
 *
 * - float T: valid iff 0 < T < 1; n_test = `Math.ceil(T * n)` on the raw double product. The
 *   product is deliberately *not* rounded first: 0.07 × 100 = 7.000000000000001 → 8, as in Python
 *   (§4.1 "Float quirk that is not a bug to fix").
 * - int T: valid iff 0 < T < n; n_test = T.
 * - n_train = n − n_test; 0 → `empty-train`.
 * - float NaN passes sklearn's range check and then fails in `math.ceil`; reported as
 *   `invalid-test-size` with Python's text.
 *
 * @param n number of samples (a non-negative integer).
 * @throws RangeError if `n` is not a non-negative integer, or TypeError if an int test size is
 *   not an integer (programming errors; parse user input with {@link parseTestSize}).
 */
export function splitSizes(n: number, testSize: TestSize): SplitSizesResult {
  if (!(Number.isSafeInteger(n) && n >= 0)) throw new RangeError(`splitSizes: n must be a non-negative integer, got ${n}`);
  const t = testSize.value;
  let nTest: number;
  if (testSize.kind === 'int') {
    if (!Number.isInteger(t)) throw new TypeError(`splitSizes: an int test size must be an integer, got ${t}`);
    if (t >= n || t <= 0) return { ok: false, error: invalidTestSizeError(n, testSize) };
    nTest = t;
  } else {
    if (t <= 0 || t >= 1) return { ok: false, error: invalidTestSizeError(n, testSize) };
    if (Number.isNaN(t)) return { ok: false, error: nanTestSizeError() };
    nTest = Math.ceil(t * n);
  }
  const nTrain = n - nTest;
  if (nTrain === 0) return { ok: false, error: emptyTrainError(n, testSize) };
  return { ok: true, nTrain, nTest };
}
