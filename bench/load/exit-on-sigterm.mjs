// Preloaded into the studio's server by the load benchmark when BENCH_LOAD_CPU_PROF is set (NODE_OPTIONS=--import,
// with --cpu-prof): Node writes the CPU profile only when the process exits by itself, and a SIGTERM's default
// is to end it at once. Exiting on SIGTERM lets the profile be written when the benchmark stops the studio.
process.once("SIGTERM", () => process.exit(0));
