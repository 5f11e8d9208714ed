/** Whether a process with this id exists (signal 0 checks without sending anything). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user. ESRCH (or anything else): it is gone.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
