import { describe, expect, it } from 'vitest';

import { folderOf, normalizePath, resolveImportPath } from './importPath';

describe('import paths', () => {
  it('normalise . and .. segments, keeping leading .. of relative paths', () => {
    expect(normalizePath('/a/./b/../c.yaml')).toBe('/a/c.yaml');
    expect(normalizePath('../../x//y.yaml')).toBe('../../x/y.yaml');
    expect(normalizePath('/../x')).toBe('/x');
    expect(normalizePath('a/..')).toBe('.');
  });

  it('resolve against the importing file’s folder, backslashes included', () => {
    expect(resolveImportPath('/p/flows/main.yaml', './kid.yaml')).toBe('/p/flows/kid.yaml');
    expect(resolveImportPath('/p/flows/main.yaml', '../shared/kid.yaml')).toBe(
      '/p/shared/kid.yaml',
    );
    expect(resolveImportPath('C:\\p\\main.yaml', 'sub\\kid.yaml')).toBe('C:/p/sub/kid.yaml');
    expect(resolveImportPath(undefined, 'kid.yaml')).toBe('kid.yaml');
    expect(resolveImportPath('/p/main.yaml', '/abs/kid.yaml')).toBe('/abs/kid.yaml');
    expect(folderOf('main.yaml')).toBe('.');
  });
});
