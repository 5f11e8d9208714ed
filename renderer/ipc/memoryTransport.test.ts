import { describe, expect, it } from 'vitest';

import { createHostClient, HostCallError } from '../../shared/hostClient';
import { createMemoryTransport } from './memoryTransport';

describe('memoryTransport', () => {
  it('answers from its handlers and records the calls', async () => {
    const transport = createMemoryTransport({
      'documents.list': () => ({ files: [{ path: 'a.yaml', name: 'a' }] }),
    });
    const client = createHostClient(transport);
    await expect(client.call('documents.list', {})).resolves.toEqual({
      files: [{ path: 'a.yaml', name: 'a' }],
    });
    expect(transport.calls).toEqual([{ channel: 'documents.list', payload: {} }]);
  });

  it('turns a missing or failing handler into a host error', async () => {
    const client = createHostClient(
      createMemoryTransport({
        'documents.open': () => {
          throw new Error('no such file');
        },
      }),
    );
    await expect(client.call('documents.open', { path: 'x.yaml' })).rejects.toThrow('no such file');
    await expect(client.call('documents.recent', {})).rejects.toBeInstanceOf(HostCallError);
  });

  it('pushes events to subscribers until they unsubscribe', () => {
    const transport = createMemoryTransport({});
    const seen: unknown[] = [];
    const unsubscribe = transport.subscribe((event) => seen.push(event));
    transport.emit({ type: 'hitl.changed' });
    unsubscribe();
    transport.emit({ type: 'hitl.changed' });
    expect(seen).toHaveLength(1);
  });
});
