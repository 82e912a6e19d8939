/**
 * A SIRET is 14 digits (SIREN + NIC) whose Luhn sum is a multiple of 10 (INSEE). La Poste's
 * establishments (SIREN 356 000 000) are the documented exception: the plain sum of their digits is a
 * multiple of 5 instead.
 */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith('356000000')) {
    return [...value].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0;
  }
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let digit = Number(value[13 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Completes 13 digits (SIREN + NIC without its last digit) with the key that makes a valid SIRET. */
export function siretWithKey(thirteenDigits: string): string {
  if (!/^\d{13}$/.test(thirteenDigits)) throw new Error('a SIRET body is 13 digits');
  for (let key = 0; key <= 9; key++) {
    const candidate = `${thirteenDigits}${key}`;
    if (isValidSiret(candidate)) return candidate;
  }
  throw new Error('unreachable: one key in ten always fits');
}
