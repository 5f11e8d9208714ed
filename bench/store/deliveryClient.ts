// The client side of the delivery benchmark, run in a worker thread (its own event loop, like a
// renderer): counts received events and how late each batch arrives. Written as plain JavaScript
// text so the worker needs no TypeScript loader.

/** What the client worker reports once it has received every event. */
export interface DeliveryReport {
  readonly events: number;
  readonly batches: number;
  /** Date.now() when the first and the last batch arrived. */
  readonly firstAt: number;
  readonly lastAt: number;
  /** Per batch: arrival time minus the time its oldest event was produced, in ms. */
  readonly lagsMs: readonly number[];
}

/** What the worker needs: the server's URL, the events to wait for, and where `ws` lives. */
export interface DeliveryClientData {
  readonly url: string;
  readonly expected: number;
  readonly wsPath: string;
}

/** The worker's source (CommonJS, for `new Worker(source, { eval: true })`). */
export const DELIVERY_CLIENT_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.wsPath);
const socket = new WebSocket(workerData.url);
let events = 0;
let firstAt = 0;
const lagsMs = [];
socket.on('open', () => parentPort.postMessage({ type: 'open' }));
socket.on('message', (data) => {
  const now = Date.now();
  // Browser mode wraps pushed host events as { event }.
  const message = JSON.parse(data.toString()).event;
  if (message === undefined || message.type !== 'run.events') return;
  if (events === 0) firstAt = now;
  events += message.events.length;
  lagsMs.push(now - message.events[0].at);
  if (events >= workerData.expected) {
    parentPort.postMessage({
      type: 'done',
      report: { events, batches: lagsMs.length, firstAt, lastAt: now, lagsMs },
    });
    socket.close();
  }
});
socket.on('error', (error) => parentPort.postMessage({ type: 'error', message: error.message }));
`;
