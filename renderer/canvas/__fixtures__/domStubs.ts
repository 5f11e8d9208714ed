/**
 * Minimal browser APIs React Flow needs that happy-dom lacks. Import this first in component
 * tests (`// @vitest-environment happy-dom`).
 */
class ResizeObserverStub {
  observe(): void {
    /* happy-dom has no layout: nothing ever resizes */
  }
  unobserve(): void {
    /* nothing observed */
  }
  disconnect(): void {
    /* nothing observed */
  }
}

class DOMMatrixReadOnlyStub {
  readonly m22: number;
  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? '')?.[1];
    this.m22 = scale === undefined ? 1 : Number(scale);
  }
}

const globals = globalThis as Record<string, unknown>;
globals.ResizeObserver ??= ResizeObserverStub;
globals.DOMMatrixReadOnly ??= DOMMatrixReadOnlyStub;
globals.DOMMatrix ??= DOMMatrixReadOnlyStub;
