export declare const DEFAULT_DATABASE_URL: string;
export declare function databaseKind(url: string): "sqlite" | "postgresql";
export declare function resolveDatabaseUrl(env?: Record<string, string | undefined>): string;
