import type { HostEvent } from '../../shared';

/** Fans host events out to every subscriber; a throwing subscriber never stops the others. */
export class HostEventBus {
  private readonly listeners = new Set<(event: HostEvent) => void>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  /** Adds a listener; the returned function removes it. */
  subscribe(listener: (event: HostEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Sends an event to every listener. */
  emit(event: HostEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
