import { ESLint, RuleTester } from 'eslint';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layerBoundaries, localPlugin } from './layerBoundaries.js';

const fixtures = fileURLToPath(new URL('./__fixtures__/lint/', import.meta.url));

async function lintFixture(relative: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: fixtures,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { local: localPlugin },
        rules: { 'local/layer-boundaries': ['error', { root: fixtures }] },
      },
    ],
  });
  const [result] = await eslint.lintFiles([path.join(fixtures, relative)]);
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? ''}: ${message.message}`);
}

describe('layer boundaries (ARCHITECTURE.md)', () => {
  it('fails lint when pure core imports a Node builtin', async () => {
    const messages = await lintFixture('core/model/readsFile.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('local/layer-boundaries');
    expect(messages[0]).toContain('Node builtin "node:fs"');
  });

  it('fails lint when core imports the host', async () => {
    const messages = await lintFixture('core/model/importsHost.ts');
    expect(messages).toEqual([expect.stringContaining('core may not import electron-host')]);
  });

  it('fails lint when shared imports a core value instead of a type', async () => {
    const messages = await lintFixture('shared/usesCoreValue.ts');
    expect(messages).toEqual([expect.stringContaining('only types from core')]);
  });

  it('passes imports that follow the arrows', async () => {
    expect(await lintFixture('renderer/usesCore.ts')).toEqual([]);
    expect(await lintFixture('electron/host/documents.ts')).toEqual([]);
  });
});

RuleTester.describe = describe;
RuleTester.it = it;

const ruleTester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const at = (file: string) => path.join(fixtures, file);
const options = [{ root: fixtures }];

ruleTester.run('layer-boundaries', layerBoundaries, {
  valid: [
    { code: "import { x } from '../expr/x';", filename: at('core/model/a.ts'), options },
    { code: "import fs from 'node:fs';", filename: at('core/node/a.ts'), options },
    { code: "import Database from 'better-sqlite3';", filename: at('core/node/a.ts'), options },
    { code: "import { app } from 'electron';", filename: at('electron/main/a.ts'), options },
    { code: "import { x } from '../host/x';", filename: at('electron/web/a.ts'), options },
    { code: "import fs from 'node:fs';", filename: at('core/model/a.test.ts'), options },
    { code: "import fs from 'node:fs';", filename: at('bench/a.ts'), options },
  ],
  invalid: [
    {
      code: "import fs from 'fs';",
      filename: at('core/yaml/a.ts'),
      options,
      errors: [{ messageId: 'builtin' }],
    },
    {
      code: "import Database from 'better-sqlite3';",
      filename: at('core/store/a.ts'),
      options,
      errors: [{ messageId: 'package' }],
    },
    {
      code: "import { x } from '../node/sqlite';",
      filename: at('core/engine/a.ts'),
      options,
      errors: [{ messageId: 'layer' }],
    },
    {
      code: "import { x } from '../electron/host/x';",
      filename: at('renderer/a.ts'),
      options,
      errors: [{ messageId: 'layer' }],
    },
    {
      code: "import { x } from '../../core/model/x';",
      filename: at('electron/main/a.ts'),
      options,
      errors: [{ messageId: 'layer' }],
    },
    {
      code: "import { x } from '../../core/model/x';",
      filename: at('electron/preload/a.ts'),
      options,
      errors: [{ messageId: 'layer' }],
    },
    {
      code: "import { ipcRenderer } from 'electron';",
      filename: at('renderer/a.ts'),
      options,
      errors: [{ messageId: 'package' }],
    },
    {
      code: "export * from '../electron/host/x';",
      filename: at('shared/a.ts'),
      options,
      errors: [{ messageId: 'layer' }],
    },
    {
      code: "const m = import('node:path');",
      filename: at('renderer/a.ts'),
      options,
      errors: [{ messageId: 'builtin' }],
    },
  ],
});
