/** Flag arrays (one 0/1 byte per unit or label). */

/** Whether two masks hold the same values (false when either is missing). */
export function sameMask(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
