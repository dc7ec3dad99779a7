/**
 * @module The bearer token of an `Authorization` header (RFC 6750 §2.1), or undefined when the
 * header is missing or malformed. Every route that takes a bearer token reads it through this.
 */
export const bearerToken = (header: string | undefined): string | undefined =>
  /^Bearer +([\x21-\x7E]+) *$/i.exec(header ?? '')?.[1];
