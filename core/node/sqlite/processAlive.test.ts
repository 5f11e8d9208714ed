import { describe, expect, it } from 'vitest';
import { DEAD_PID } from '../../store/runStoreContract';
import { isProcessAlive } from './processAlive';

describe('isProcessAlive', () => {
  it('is true for this process and false for a pid no process has', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(DEAD_PID)).toBe(false);
  });
});
