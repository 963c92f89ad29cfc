// `npm run bench`: prints figures (median wall times) for the studio's hot paths. Targets are stated
// next to the figures; nothing here fails a build. `npm run bench -- core` runs one group; `npm run bench -- load`
// (a team on one studio, several minutes) runs only when asked.
import { availableParallelism, loadavg } from "node:os";
import { benchAws } from "./aws";
import { benchCli } from "./cli";
import { benchCore } from "./core";
import { benchFormats } from "./formats";
import { benchHostile } from "./hostile";
import { benchLoad } from "./load";
import { benchStartup } from "./startup";
import { benchUi } from "./ui";

const benches: { name: string; key: string; run: () => Promise<void>; onlyWhenAsked?: boolean }[] = [
  { name: "Spec, plan and formats", key: "core", run: benchCore },
  { name: "YAML and HCL readers and writers, side by side", key: "formats", run: benchFormats },
  { name: "The command line, whole processes", key: "cli", run: benchCli },
  { name: "Talking to Cognito, against moto", key: "aws", run: benchAws },
  { name: "Hostile input: the guards in front of the importers", key: "hostile", run: benchHostile },
  { name: "Start-up", key: "startup", run: benchStartup },
  { name: "The studio in the browser", key: "ui", run: benchUi },
  // Several minutes (two runs of 60 s plus set-up): only `npm run bench -- load`.
  { name: "A team on one studio: load on the production build and PostgreSQL", key: "load", run: benchLoad, onlyWhenAsked: true },
];

const only = process.argv[2];
console.log(`cognito-studio benchmarks  node ${process.version}  ${new Date().toISOString()}  load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${availableParallelism()} cores`);
for (const bench of benches.filter((b) => (only ? b.key === only : !b.onlyWhenAsked))) {
  console.log(`\n## ${bench.name}`);
  await bench.run();
}
