import path from 'node:path';

import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

import { screenshotDir } from '../fixtures/paths';

/** The panel sizes the studio keeps in localStorage (`flujo.layout`, renderer AppLayout). */
const TALL_YAML_LAYOUT = {
  left: 240,
  right: 320,
  bottom: 560,
  leftOpen: true,
  rightOpen: true,
  bottomOpen: true,
  tab: 'problems',
};

/** The studio window, found by role and accessible name. */
export class StudioPage {
  readonly toolbar: Locator;
  readonly palette: Locator;
  readonly canvas: Locator;
  readonly outline: Locator;
  readonly inspector: Locator;
  readonly problems: Locator;
  readonly yaml: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('toolbar', { name: 'Document' });
    this.palette = page.getByRole('region', { name: 'Step palette' });
    this.canvas = page.getByRole('region', { name: 'Pipeline canvas' });
    this.outline = page.getByRole('tree', { name: 'Steps' });
    this.inspector = page.getByRole('region', { name: 'Inspector' });
    this.problems = page.getByRole('region', { name: 'Problems' });
    this.yaml = page.getByRole('region', { name: 'YAML' });
  }

  /**
   * Opens the studio with a bottom panel tall enough that Monaco renders every line of the small
   * pipelines used here (it only renders the visible ones).
   */
  async goto(url: string): Promise<void> {
    await this.page.setViewportSize({ width: 1440, height: 1200 });
    await this.page.addInitScript((layout) => {
      if (!localStorage.getItem('flujo.layout')) {
        localStorage.setItem('flujo.layout', JSON.stringify(layout));
      }
    }, TALL_YAML_LAYOUT);
    await this.page.goto(url);
    await expect(this.toolbar).toBeVisible();
  }

  /** A toolbar command ("New", "Open", "Save", "Export YAML", "Undo", "Redo", "Auto layout"). */
  command(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** Opens a workspace file (path relative to the workspace) through the Open dialog. */
  async open(relativePath: string): Promise<void> {
    await this.command('Open').click();
    const dialog = this.page.getByRole('dialog', { name: 'Open pipeline' });
    const files = dialog.getByRole('list', { name: 'Workspace files' });
    await files
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(relativePath)} `) })
      .click();
    await expect(dialog).toBeHidden();
    await expect(this.toolbar).toContainText(path.basename(relativePath));
  }

  /** A canvas node by its accessible name "<step name> (<kind>)". */
  node(name: string, kind: string): Locator {
    return this.canvas.getByRole('group', { name: `${name} (${kind})`, exact: true });
  }

  /** The names of the canvas nodes that are steps ("<name> (<kind>)"), in document order. */
  async nodeLabels(): Promise<string[]> {
    const names = await this.canvas
      .locator('.react-flow__node')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
    return names.filter((name) => /^\S+ \([a-z_A-Z]+\)$/.test(name));
  }

  /** Selects a step on the canvas and renames it in the inspector (committed with Enter). */
  async rename(name: string, kind: string, newName: string): Promise<void> {
    await this.node(name, kind).click();
    const field = this.inspector
      .getByRole('form', { name: `${name} (${kind})` })
      .getByRole('textbox', { name: 'Name', exact: true });
    await field.fill(newName);
    await field.press('Enter');
  }

  async showTab(name: 'Problems' | 'YAML'): Promise<void> {
    await this.page
      .getByRole('tablist', { name: 'Bottom panel' })
      .getByRole('tab', { name: new RegExp(`^${name}`) })
      .click();
  }

  /** The text Monaco shows, line by line in order (spaces normalised from Monaco's nbsp). */
  async yamlText(): Promise<string> {
    await this.showTab('YAML');
    const lines = this.yaml.locator('.view-lines .view-line');
    await expect(lines.first()).toBeVisible();
    return lines.evaluateAll((elements) =>
      elements
        .map((element) => ({
          top: Number.parseFloat((element as HTMLElement).style.top),
          text: element.textContent.replace(/\u00a0/g, ' '),
        }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text)
        .join('\n'),
    );
  }

  /** Waits until the YAML shown satisfies `predicate` (edits re-parse and re-render debounced). */
  async expectYaml(predicate: (text: string) => boolean, message: string): Promise<string> {
    let text = '';
    await expect
      .poll(
        async () => {
          text = await this.yamlText();
          return predicate(text);
        },
        { message },
      )
      .toBe(true);
    return text;
  }

  /** Drags palette item `label` onto the canvas at `point` (page coordinates). */
  async dropFromPalette(label: string, point: { x: number; y: number }): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    await this.palette
      .getByRole('button', { name: label, exact: true })
      .dragTo(this.canvas, { targetPosition: { x: point.x - box.x, y: point.y - box.y } });
  }

  /** The middle of the edge from `source`'s right side to `target`'s left side. */
  async edgeMidpoint(source: Locator, target: Locator): Promise<{ x: number; y: number }> {
    const from = await source.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('edge end not visible');
    return {
      x: (from.x + from.width + to.x) / 2,
      y: (from.y + from.height / 2 + to.y + to.height / 2) / 2,
    };
  }

  /** Saves a screenshot of the window for review into e2e/screenshots/<name>.png. */
  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
