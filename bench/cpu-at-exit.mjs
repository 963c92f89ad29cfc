// Preloaded (`node --import`) into the processes bench/cli.ts times: writes the process's own CPU time (user +
// system, every thread, in ms) to file descriptor 3 as it exits, so the benchmark can print CPU beside wall time.
import { writeSync } from "node:fs";

process.on("exit", () => {
  const used = process.cpuUsage();
  writeSync(3, `${(used.user + used.system) / 1000}\n`);
});
