/**
 * Python's `str()` of a float (identical to `repr()` in Python 3), used to print test sizes and
 * seeds in error messages exactly as sklearn does (§4.1).
 *
 * Digits: the shortest string that round-trips, choosing the closest when several qualify — the
 * same digits as JS (`toExponential()` with no argument). Layout differs from JS `String(x)`:
 * Python keeps `.0` on integral values (`1.0`, `-0.0`), switches to exponent form when the decimal
 * exponent is >= 16 or < -4 (JS: >= 21 or < -6), and writes the exponent with a sign and at least
 * two digits (`1e+20`, `-1e-07`, `1e-05`). Non-finite: `inf`, `-inf`, `nan`.
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(x.toExponential());
  if (m === null) throw new Error(`unexpected toExponential() output for ${x}`);
  const sign = m[1] ?? '';
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const exp = Number(m[4]);
  // CPython float_repr_style 'short', mode 'r': exponent form iff decpt <= -4 or decpt > 16,
  // where decpt = exp + 1 (digits read as 0.d1d2... x 10^decpt).
  if (exp < -4 || exp >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const absExp = Math.abs(exp);
    return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${absExp < 10 ? '0' : ''}${absExp}`;
  }
  const decpt = exp + 1;
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/**
 * Python's `str()` of an int held in a JS number. Integers beyond 2**53 print the exact value of
 * the double (the digits a user typed may already have been lost when the number was parsed).
 */
export function pythonIntRepr(x: number): string {
  if (Number.isSafeInteger(x)) return String(x === 0 ? 0 : x); // no "-0" for ints
  if (Number.isInteger(x)) return BigInt(x).toString();
  throw new RangeError(`pythonIntRepr: ${x} is not an integer`);
}
