/**
 * Which variable names hold secrets. Their values never leave the collection: the client asks
 * for them at run time instead.
 */
const SECRET_NAME = /token|secret|passw(or)?d|pwd|signature|private|credential|api[-_]?key|(^|[-_])key$|^key|auth|session|cookie|bearer|client[-_]?id/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}
