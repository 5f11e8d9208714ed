import { spawn } from 'node:child_process';

/** The command that opens a URL in the user's browser on this platform. */
function opener(url: string): { command: string; args: string[] } {
  if (process.platform === 'darwin') return { command: 'open', args: [url] };
  if (process.platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Tries to open `url` in a browser, detached. A machine without one (a server, CI) is normal:
 * the URL is printed anyway, so failures are deliberately ignored.
 */
export function openBrowser(url: string): void {
  const { command, args } = opener(url);
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => {
      // No opener installed: the printed URL is the way in.
    });
    child.unref();
  } catch {
    // Spawning itself failed (e.g. a sandbox): same as no browser.
  }
}
