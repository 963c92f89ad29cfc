export declare function listMigrations(kind: "sqlite" | "postgresql", dir?: string): { name: string; sql: string; checksum: string }[];
export declare function migrate(url?: string): Promise<string[]>;
export declare function prepareSqliteFile(file: string): void;
export declare function checkRecorded(migration: { name: string; checksum: string }, recorded: string | undefined): boolean;
