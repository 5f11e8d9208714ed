// `npm run bench`: runs every benchmark suite in this process and prints a Markdown table to paste
// into docs/PERFORMANCE.md, with the machine and date. Exit code 1 when a target is missed.
import os from 'node:os';
import { formatResults } from './harness';
import { runValidateBenchmarks, validateRuleCosts } from './validate.bench';
import { runYamlBenchmarks } from './yaml.bench';

const results = [...runYamlBenchmarks(), ...runValidateBenchmarks()];
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Date: ${new Date().toISOString().slice(0, 10)}; machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);
console.log(formatResults(results));
if (process.env.BENCH_RULES) console.log(`\nCost per validation rule:\n\n${validateRuleCosts()}`);
const missed = results.filter((r) => r.met === false);
if (missed.length > 0) {
  console.log(`\nMissed: ${missed.map((r) => r.name).join('; ')}`);
  process.exitCode = 1;
}
