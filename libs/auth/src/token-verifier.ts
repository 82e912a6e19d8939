import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { AuthenticationError, DevelopmentKeyRefusedError, VerifierUnavailableError } from './auth.errors';
import { DEVELOPMENT_ALGORITHM, developmentKey } from './development-token';
import { type AuthenticatedActor, actorFromClaims } from './token-claims';

/** Asymmetric algorithms an OIDC provider signs with; an HMAC token is never accepted against a JWKS. */
const JWKS_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

export interface TokenVerifierOptions {
  nodeEnv: 'development' | 'test' | 'production';
  issuer: string;
  audience: string;
  /** The identity provider's key set; when present, the development key is not accepted at all. */
  jwksUrl?: string;
  /** HS256 secret of development tokens; used only without `jwksUrl`, and never in production. */
  developmentSecret?: string;
  /** Allowed skew between the token issuer's clock and ours, in seconds. */
  clockToleranceSeconds?: number;
  /** Time allowed to fetch the key set. */
  jwksTimeoutMs?: number;
}

/**
 * Checks a bearer token (signature, issuer, audience, expiry) and returns who it speaks for.
 * Expiry is checked against the wall clock, not the platform's adjustable `Clock`: moving domain time
 * forward in a demo must not expire, or revive, anybody's session.
 */
export class TokenVerifier {
  private constructor(
    private readonly key: JWTVerifyGetKey | Uint8Array,
    private readonly algorithms: string[],
    private readonly options: TokenVerifierOptions,
    /** "jwks" or "development": said in logs at boot so an operator sees which key is trusted. */
    readonly keySource: 'jwks' | 'development',
  ) {}

  static create(options: TokenVerifierOptions): TokenVerifier {
    if (options.jwksUrl) {
      const jwks = createRemoteJWKSet(new URL(options.jwksUrl), {
        timeoutDuration: options.jwksTimeoutMs ?? 5000,
      });
      return new TokenVerifier(jwks, JWKS_ALGORITHMS, options, 'jwks');
    }
    if (options.nodeEnv === 'production') throw new DevelopmentKeyRefusedError();
    if (!options.developmentSecret) {
      throw new Error('a development secret (AUTH_DEV_SECRET) is required when AUTH_JWKS_URL is absent');
    }
    return new TokenVerifier(
      developmentKey(options.developmentSecret),
      [DEVELOPMENT_ALGORITHM],
      options,
      'development',
    );
  }

  async verify(token: string): Promise<AuthenticatedActor> {
    let payload: unknown;
    try {
      const verifyOptions = {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: this.algorithms,
        clockTolerance: this.options.clockToleranceSeconds ?? 5,
        requiredClaims: ['exp', 'sub'],
      };
      // jose types the two key kinds through separate overloads.
      const result =
        this.key instanceof Uint8Array
          ? await jwtVerify(token, this.key, verifyOptions)
          : await jwtVerify(token, this.key, verifyOptions);
      payload = result.payload;
    } catch (error) {
      throw translateJoseError(error);
    }
    return actorFromClaims(payload);
  }
}

/** Says why a token was refused in words a client developer can act on, without echoing the token. */
function translateJoseError(error: unknown): Error {
  if (error instanceof errors.JWTExpired) return new AuthenticationError('token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new AuthenticationError(`token claim "${error.claim}" is ${describeReason(error.reason)}`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new AuthenticationError('token is not signed by a trusted key');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new AuthenticationError('token is signed with an algorithm that is not accepted');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new AuthenticationError('token is malformed');
  }
  if (error instanceof errors.JOSENotSupported)
    return new AuthenticationError('token uses an unsupported key');
  if (error instanceof errors.JWKSTimeout) {
    return new VerifierUnavailableError('the identity provider did not answer in time', { cause: error });
  }
  // What remains is a key set that could not be fetched or parsed: the provider's fault, not the caller's.
  return new VerifierUnavailableError('the identity provider key set could not be obtained', {
    cause: error,
  });
}

function describeReason(reason: string): string {
  switch (reason) {
    case 'missing':
      return 'missing';
    case 'check_failed':
      return 'not valid yet or not acceptable';
    default:
      return 'not the expected value';
  }
}
