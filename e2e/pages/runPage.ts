import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The run, debug and human-input parts of the studio (issue 8), found by role and name. */
export class RunPage {
  readonly controls: Locator;
  readonly panel: Locator;
  readonly status: Locator;
  readonly output: Locator;
  readonly debugger: Locator;
  readonly variables: Locator;
  readonly history: Locator;
  readonly hitlDialog: Locator;
  readonly inbox: Locator;

  constructor(readonly page: Page) {
    this.controls = page.getByRole('toolbar', { name: 'Run controls' });
    this.panel = page.getByRole('region', { name: 'Run', exact: true });
    this.status = this.panel.getByLabel('Run status', { exact: true });
    this.output = this.panel.getByLabel('Run output', { exact: true });
    this.debugger = page.getByRole('region', { name: 'Debugger', exact: true });
    this.variables = this.debugger.getByRole('group', { name: 'Variables', exact: true });
    this.history = page.getByRole('region', { name: 'Run history', exact: true });
    this.hitlDialog = page.getByRole('dialog', { name: 'Human input required' });
    this.inbox = page.getByRole('button', { name: /^Inbox \(\d+\)$/ });
  }

  /** A run-controls button: "Run", "Debug", "Continue", "Step Over", "Step Into", "Stop", … */
  button(name: string): Locator {
    return this.controls.getByRole('button', { name, exact: true });
  }

  /** Opens the Run dialog through "Run" or "Debug", types the input and presses Start. */
  async start(mode: 'Run' | 'Debug', input = ''): Promise<void> {
    await this.button(mode).click();
    const dialog = this.page.getByRole('dialog', { name: 'Run pipeline' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Input', exact: true }).fill(input);
    await dialog.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async showTab(name: 'Run' | 'History'): Promise<void> {
    await this.page
      .getByRole('tablist', { name: 'Bottom panel' })
      .getByRole('tab', { name, exact: true })
      .click();
  }

  /** Waits for the status word in the Run panel. */
  async expectStatus(status: string, timeout = 20_000): Promise<void> {
    await expect(this.status).toHaveText(status, { timeout });
  }

  /**
   * The box of a canvas node (`StudioPage.node`) that carries its run ring (`flujo-run-<status>`)
   * and breakpoint (`flujo-has-breakpoint`) classes.
   */
  box(node: Locator): Locator {
    return node.locator(':scope > .flujo-node, :scope > .flujo-group-box');
  }

  /** The Variables text areas of the paused frame. */
  variable(name: 'Input' | 'Context'): Locator {
    return this.variables.getByRole('textbox', { name, exact: true });
  }
}
