// A second process using the store, for the cross-process tests in sqliteRunStore.test.ts:
//   answer <db> <requestId> <answer>   answers a HITL request and prints the result as JSON
//   hang <db> <runId> <events>         records a running run with its events, prints "ready", waits
import { EventWriter } from '../eventWriter';
import { openSqliteRunStore } from '../openSqliteRunStore';
import { makeEvents, newRun } from '../../../store/runStoreFixtures';

const [mode, path = '', id = '', extra = ''] = process.argv.slice(2);
const store = openSqliteRunStore({ path });
if (mode === 'answer') {
  const result = store.answerHitl({ requestId: id }, extra, { pid: process.pid });
  store.close();
  process.stdout.write(`${JSON.stringify(result.ok ? { ok: true } : result)}\n`);
} else if (mode === 'hang') {
  store.createRun(newRun(id, { pid: process.pid }));
  const writer = new EventWriter(store);
  writer.pushAll(makeEvents(id, Number(extra)));
  writer.flush();
  process.stdout.write('ready\n');
  setInterval(() => undefined, 1_000);
} else {
  process.stderr.write(`unknown mode ${String(mode)}\n`);
  process.exitCode = 2;
}
