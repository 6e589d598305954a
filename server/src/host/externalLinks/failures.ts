import { PrivateAddressError } from './addresses';

export interface NetworkFailure {
  reason: string;
  /** Worth another attempt: the same request may well succeed in a moment. */
  retryable: boolean;
}

const BY_CODE: Record<string, NetworkFailure> = {
  ENOTFOUND: { reason: 'host not found', retryable: false },
  EAI_AGAIN: { reason: 'host name lookup failed', retryable: true },
  ECONNREFUSED: { reason: 'connection refused', retryable: false },
  ECONNRESET: { reason: 'connection reset', retryable: true },
  EPIPE: { reason: 'connection reset', retryable: true },
  UND_ERR_SOCKET: { reason: 'connection closed by the server', retryable: true },
  ETIMEDOUT: { reason: 'connection timed out', retryable: true },
  UND_ERR_CONNECT_TIMEOUT: { reason: 'connection timed out', retryable: true },
  EHOSTUNREACH: { reason: 'host unreachable', retryable: false },
  ENETUNREACH: { reason: 'network unreachable', retryable: false },
  CERT_HAS_EXPIRED: { reason: 'TLS certificate has expired', retryable: false },
  DEPTH_ZERO_SELF_SIGNED_CERT: { reason: 'self-signed TLS certificate', retryable: false },
  SELF_SIGNED_CERT_IN_CHAIN: { reason: 'self-signed TLS certificate in the chain', retryable: false },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: { reason: 'TLS certificate not trusted', retryable: false },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { reason: 'TLS certificate not trusted', retryable: false },
  ERR_TLS_CERT_ALTNAME_INVALID: { reason: 'TLS certificate is for another host', retryable: false },
};

/**
 * What a rejected `fetch` means for a reader. undici rejects with `TypeError: fetch failed` and
 * puts the system error in `cause` — sometimes an AggregateError of one error per address tried.
 */
export function describeNetworkError(error: unknown): NetworkFailure {
  const causes = [...causesOf(error)];
  for (const cause of causes) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    const known = BY_CODE[code];
    if (known) return known;
    if (/^ERR_(SSL|TLS)_/.test(code)) return { reason: `TLS error: ${firstLine(cause)}`, retryable: false };
  }
  const deepest = causes.at(-1);
  return { reason: `request failed: ${deepest ? firstLine(deepest) : String(error)}`, retryable: false };
}

/** The refusal of the address check, wherever the HTTP client wrapped it. */
export function privateAddressIn(error: unknown): PrivateAddressError | undefined {
  for (const cause of causesOf(error)) if (cause instanceof PrivateAddressError) return cause;
  return undefined;
}

function* causesOf(error: unknown, depth = 0): Generator<object> {
  if (typeof error !== 'object' || error === null || depth > 8) return;
  yield error;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  if (Array.isArray(errors)) for (const inner of errors) yield* causesOf(inner, depth + 1);
  yield* causesOf(cause, depth + 1);
}

function firstLine(error: object): string {
  const message = (error as { message?: unknown }).message;
  return (typeof message === 'string' && message ? message : String(error)).split('\n', 1)[0]!;
}
