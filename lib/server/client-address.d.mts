export declare const TRUSTED_PROXIES_ENV: string;
export declare function trustedProxyHops(env?: Record<string, string | undefined>): number;
export declare function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string;
