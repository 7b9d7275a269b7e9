// The certificate id: a short, stable identifier of one learner's certificate of one course
// version on one day, to tell certificates apart and match one with an LMS record.

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

/**
 * The first 48 bits of the 64-bit FNV-1a hash (http://www.isthe.com/chongo/tech/comp/fnv/) of
 * the parts' UTF-8 bytes joined by line feeds, as 12 upper-case hex digits in groups of four
 * ("3F9A-0C27-B4E1"). FNV-1a, not SHA: synchronous and a few bytes of code, where
 * crypto.subtle is asynchronous and missing outside secure contexts (an LMS served over http).
 * An identifier, not a signature: anyone can compute it, so it proves nothing by itself.
 */
export function certificateId(parts: readonly string[]): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(parts.join('\n'))) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * FNV_PRIME);
  return hash.toString(16).padStart(16, '0').slice(0, 12).toUpperCase().replace(/(.{4})(?=.)/g, '$1-');
}

/** The learner's local day as yyyy-mm-dd: the date printed on the certificate. */
export function isoDay(date: Date): string {
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}
