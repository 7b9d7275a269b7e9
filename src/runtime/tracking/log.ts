// Errors from the LMS never stop the course; they are logged for whoever debugs the LMS.
export function warn(message: string): void {
  if (typeof console !== 'undefined') console.warn(`[coursepack] ${message}`);
}
