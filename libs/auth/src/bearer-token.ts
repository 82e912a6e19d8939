import { AuthenticationError } from './auth.errors';

/** Reads the token of an `Authorization: Bearer <token>` header, or says what is wrong with it. */
export function bearerToken(header: string | readonly string[] | undefined): string {
  const value = typeof header === 'string' ? header : header?.[0];
  if (!value) throw new AuthenticationError('a bearer token is required (Authorization: Bearer <token>)');
  const match = /^Bearer +([A-Za-z0-9\-_.~+/]+=*) *$/i.exec(value);
  if (!match?.[1]) throw new AuthenticationError('the Authorization header must read "Bearer <token>"');
  return match[1];
}
