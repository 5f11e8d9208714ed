// Entry of one bench child process (forked by engineBench.ts with --expose-gc): builds one
// workload on one engine, measures it and sends the ChildReport to the parent.
import type { ChildPlan } from './childHarness';
import { measureChild } from './childHarness';
import { flujoWorkload } from './flujoWorkloads';
import type { BuiltWorkload, EngineId, EngineWorkload } from './workloads';

/** The job a child gets as JSON in argv[2]. */
export interface ChildJob {
  readonly engine: EngineId;
  readonly workload: EngineWorkload;
  readonly plan: ChildPlan;
  /** Absolute path of the peer's adapter module (peers only; plain JS, see peers/). */
  readonly peerModule?: string;
}

type PeerModule = {
  readonly buildWorkload: (engine: EngineId, workload: EngineWorkload) => Promise<BuiltWorkload>;
};

async function build(job: ChildJob): Promise<BuiltWorkload> {
  if (job.engine === 'flujo') return flujoWorkload(job.workload);
  if (job.peerModule === undefined) throw new Error(`no adapter module for ${job.engine}`);
  const url = new URL(`file://${job.peerModule}`).href;
  const peer = (await import(url)) as PeerModule;
  return peer.buildWorkload(job.engine, job.workload);
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as ChildJob;
  try {
    const report = await measureChild(await build(job), job.plan, (wallMs, cpuMs) => {
      process.send?.({ ok: true, run: { wallMs, cpuMs } });
    });
    process.send?.({ ok: true, report });
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.send?.({ ok: false, error: message });
  }
}

void main();
