/**
 * strconv.FormatFloat(v, fmt, prec, 64) for fmt 'e', 'E', 'f', 'g', 'G'.
 *
 * Shortest form (prec -1) takes its digits from JS, whose Number#toExponential() is
 * also the shortest string that reads back to the same float. Fixed precision rounds
 * the exact binary value in decimal, half to even on an exact tie, as Go's
 * decimal.Round does (so %.0f of 2.5 is "2", where JS toFixed gives "3").
 */

interface Digits {
  /** Significant digits, no trailing zeros ("" for zero). */
  d: string;
  /** Decimal point position: value = 0.d × 10^dp. */
  dp: number;
}

export function formatFloat(v: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G' | 'x' | 'X' | 'b', prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  if (fmt === 'x' || fmt === 'X') return (neg ? '-' : '') + fmtX(Math.abs(v), fmt);
  if (fmt === 'b') return (neg ? '-' : '') + fmtB(Math.abs(v));
  const abs = Math.abs(v);
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(abs);
    if (fmt === 'e' || fmt === 'E') prec = Math.max(digs.d.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(digs.d.length - digs.dp, 0);
    else prec = digs.d.length;
  } else {
    digs = exactDigits(abs);
    if (fmt === 'e' || fmt === 'E') digs = round(digs, prec + 1);
    else if (fmt === 'f') digs = round(digs, digs.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digs = round(digs, prec);
    }
  }
  const sign = neg ? '-' : '';
  if (fmt === 'e' || fmt === 'E') return sign + fmtE(digs, prec, fmt);
  if (fmt === 'f') return sign + fmtF(digs, prec);
  return sign + fmtG(digs, prec, shortest, fmt);
}

function fmtG(digs: Digits, prec: number, shortest: boolean, fmt: 'g' | 'G'): string {
  let eprec = prec;
  if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
  // %e is used if the exponent from the conversion is less than -4 or greater than or
  // equal to the precision; for the shortest form, precision 6 decides (strconv ftoa.go).
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > digs.d.length) prec = digs.d.length;
    return fmtE(digs, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > digs.dp) prec = digs.d.length;
  return fmtF(digs, Math.max(prec - digs.dp, 0));
}

function fmtE(digs: Digits, prec: number, e: 'e' | 'E'): string {
  let out = digs.d.length ? digs.d[0] : '0';
  if (prec > 0) {
    out += '.' + digs.d.slice(1, prec + 1);
    out += '0'.repeat(Math.max(0, prec + 1 - Math.max(digs.d.length, 1)));
  }
  let exp = digs.d.length ? digs.dp - 1 : 0;
  const esign = exp < 0 ? '-' : '+';
  exp = Math.abs(exp);
  return out + e + esign + (exp < 10 ? '0' + exp : String(exp));
}

function fmtF(digs: Digits, prec: number): string {
  let out = '';
  if (digs.dp > 0) {
    const m = Math.min(digs.d.length, digs.dp);
    out = digs.d.slice(0, m) + '0'.repeat(digs.dp - m);
  } else out = '0';
  if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      const j = digs.dp + i;
      out += j >= 0 && j < digs.d.length ? digs.d[j] : '0';
    }
  }
  return out;
}

function shortestDigits(abs: number): Digits {
  if (abs === 0) return { d: '', dp: 0 };
  const [mant, exp] = abs.toExponential().split('e');
  return trim({ d: mant.replace('.', ''), dp: Number(exp) + 1 });
}

/** A finite non-negative double as mant × 2^e2 (mant includes the implicit bit). */
function bits(abs: number): { mant: bigint; e2: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, abs);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (bexp === 0) return { mant, e2: -1074 };
  return { mant: mant | (1n << 52n), e2: bexp - 1075 };
}

/** %b: decimal mantissa and binary exponent, "7881299347898368p-51". */
function fmtB(abs: number): string {
  const { mant, e2 } = bits(abs);
  return `${mant}p${e2 < 0 ? '-' : '+'}${Math.abs(e2)}`;
}

/** %x: hexadecimal mantissa, shortest, "0x1.cp+01" (precision is not applied). */
function fmtX(abs: number, fmt: 'x' | 'X'): string {
  let { mant, e2 } = bits(abs);
  let exp = 0;
  if (mant !== 0n) {
    // Normalise so the leading 1 is at bit 52.
    exp = e2 + 52;
    while (mant < 1n << 52n) {
      mant <<= 1n;
      exp--;
    }
  }
  const frac = (mant & ((1n << 52n) - 1n)).toString(16).padStart(13, '0').replace(/0+$/, '');
  const lead = mant === 0n ? '0' : '1';
  let out = '0x' + lead + (frac ? '.' + frac : '');
  const e = Math.abs(exp);
  out += 'p' + (exp < 0 ? '-' : '+') + (e < 10 ? '0' + e : String(e));
  if (fmt === 'X') out = out.toUpperCase();
  return out;
}

/** The exact decimal expansion of a finite non-negative double. */
function exactDigits(abs: number): Digits {
  if (abs === 0) return { d: '', dp: 0 };
  const { mant, e2 } = bits(abs);
  if (e2 >= 0) {
    const s = (mant << BigInt(e2)).toString();
    return trim({ d: s, dp: s.length });
  }
  const s = (mant * 5n ** BigInt(-e2)).toString();
  return trim({ d: s, dp: s.length + e2 });
}

function trim(digs: Digits): Digits {
  let d = digs.d;
  let end = d.length;
  while (end > 0 && d[end - 1] === '0') end--;
  d = d.slice(0, end);
  return { d, dp: d.length ? digs.dp : 0 };
}

/** decimal.Round(nd): keep nd digits, half to even on an exact tie. */
function round(digs: Digits, nd: number): Digits {
  if (nd < 0 || nd >= digs.d.length) return digs;
  const d = digs.d;
  const halfway = d[nd] === '5' && nd + 1 === d.length;
  const up = halfway ? nd > 0 && Number(d[nd - 1]) % 2 === 1 : d[nd] >= '5';
  if (!up) return trim({ d: d.slice(0, nd), dp: digs.dp });
  for (let i = nd - 1; i >= 0; i--) {
    if (d[i] < '9') {
      return { d: d.slice(0, i) + String(Number(d[i]) + 1), dp: digs.dp };
    }
  }
  return { d: '1', dp: digs.dp + 1 };
}
