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

const DAY_MS = 864e5;

/**
 * The learner's local calendar day as a number of days since 1970-01-01: the day a certificate
 * was earned, as the saved state keeps it (five digits, where a date string takes ten).
 */
export function dayNumber(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS);
}

/** A day number as the midnight UTC that starts it: read with timeZone UTC, it is that calendar day anywhere. */
export const dayDate = (day: number): Date => new Date(day * DAY_MS);

/** A day number as yyyy-mm-dd: the day in the certificate id. */
export const isoDay = (day: number): string => dayDate(day).toISOString().slice(0, 10);
