// Time and number formats of the SCORM data models.

const pad = (n: number, width = 2): string => String(Math.floor(n)).padStart(width, '0');

/** SCORM 1.2 CMITimespan: HH[HH]:MM:SS.SS (hours 2–4 digits, capped at 9999). */
export function cmiTimespan(ms: number): string {
  const totalCentis = Math.min(Math.max(0, Math.round(ms / 10)), 9999 * 360000 + 359999);
  const hours = Math.floor(totalCentis / 360000);
  const minutes = Math.floor((totalCentis % 360000) / 6000);
  const centis = totalCentis % 6000;
  return `${pad(hours)}:${pad(minutes)}:${pad(centis / 100)}.${pad(centis % 100)}`;
}

/** SCORM 1.2 CMITime: the local time of day, HH:MM:SS. */
export function cmiTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** SCORM 2004 timeinterval (second,10,2): ISO 8601 duration, e.g. PT1H2M3.45S. */
export function isoDuration(ms: number): string {
  const totalCentis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(totalCentis / 360000);
  const minutes = Math.floor((totalCentis % 360000) / 6000);
  const seconds = (totalCentis % 6000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds}S`;
}

/** SCORM 2004 time (second,10,0) in UTC, e.g. 2026-11-25T10:04:05.12Z (a zone needs the fraction). */
export function isoTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 22)}Z`;
}

/** A decimal the LMS will accept: at most `digits` decimals, no exponent. */
export function decimal(value: number, digits = 2): string {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
}
