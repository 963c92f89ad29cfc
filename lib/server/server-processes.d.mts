export declare const SERVER_PROCESSES_ENV: string;
export declare const MAX_DEFAULT_PROCESSES: number;
export declare function serverProcessCount(env: Record<string, string | undefined>, cores: number): number;
