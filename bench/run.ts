// `npm run bench`: runs every benchmark suite and prints Markdown tables to paste into
// docs/PERFORMANCE.md, with the machine and date. Exit code 1 when a target is missed.
// BENCH_SUITES=engine (or yaml,validate,edit, or store) runs only those suites.
import os from 'node:os';
import { runEditLatencyBenchmarks } from './editLatency.bench';
import { runEngineBenchmarks } from './engine/engineBench';
import type { BenchResult } from './harness';
import { formatResults } from './harness';
import { runDeliveryBenchmarks } from './store/delivery.bench';
import { runStoreBenchmarks } from './store/store.bench';
import { runValidateBenchmarks, validateRuleCosts } from './validate.bench';
import { runYamlBenchmarks } from './yaml.bench';

const suites = new Set((process.env.BENCH_SUITES ?? 'yaml,validate,edit,engine,store').split(','));
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Date: ${new Date().toISOString().slice(0, 10)}; machine: ${cpu}, ${String(os.cpus().length)} cores, ${String(Math.round(os.totalmem() / 2 ** 30))} GiB, Node ${process.version}; load average ${os.loadavg()[0]?.toFixed(1) ?? '?'}\n`,
);
const results: BenchResult[] = [
  ...(suites.has('yaml') ? runYamlBenchmarks() : []),
  ...(suites.has('validate') ? runValidateBenchmarks() : []),
  ...(suites.has('edit') ? runEditLatencyBenchmarks() : []),
];
if (results.length > 0) console.log(formatResults(results));
if (process.env.BENCH_RULES) console.log(`\nCost per validation rule:\n\n${validateRuleCosts()}`);
const missed = results.filter((r) => r.met === false).map((r) => r.name);
if (suites.has('engine')) {
  const engine = await runEngineBenchmarks();
  console.log(`\n${engine.text}`);
  missed.push(...engine.missed);
}
if (suites.has('store')) {
  const store = [...runStoreBenchmarks(), ...(await runDeliveryBenchmarks())];
  console.log(`\nStore and delivery:\n\n${formatResults(store)}`);
  missed.push(...store.filter((r) => r.met === false).map((r) => r.name));
}
if (missed.length > 0) {
  console.log(`\nMissed: ${missed.join('; ')}`);
  process.exitCode = 1;
}
