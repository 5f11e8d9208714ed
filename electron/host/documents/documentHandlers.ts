import { promises as fs } from 'node:fs';
import type { RunStore } from '../../../core/store';
import type { ChannelHandlers } from '../../../shared';
import type { HostLogger } from '../hostLogger';
import { settle } from '../settle';
import { writeFileAtomic } from './atomicWrite';
import type { DocumentScope } from './documentPaths';
import { resolveDocumentPath } from './documentPaths';
import { DraftStore } from './drafts';
import { listWorkspaceFiles } from './listWorkspaceFiles';
import { listSamples } from './samples';
import { readSidecar, sidecarPathOf } from './sidecarFile';

/** What the document channels need from the host. */
export interface DocumentServices {
  readonly scope: DocumentScope;
  readonly store: RunStore;
  readonly appDataDir: string;
  readonly samplesDir: string;
  readonly now: () => number;
  readonly logger: HostLogger;
}

type DocumentChannel =
  | 'documents.list'
  | 'documents.open'
  | 'documents.save'
  | 'documents.export'
  | 'documents.recent'
  | 'documents.samples'
  | 'drafts.save'
  | 'drafts.list'
  | 'drafts.discard';

/** Open, save (atomic), export, list, recent files, samples and drafts. */
export function documentHandlers(
  services: DocumentServices,
): Pick<ChannelHandlers, DocumentChannel> {
  const { scope, store, now, logger } = services;
  const drafts = new DraftStore(services.appDataDir);
  return {
    'documents.list': async () => ({
      files: scope.workspace === undefined ? [] : await listWorkspaceFiles(scope.workspace),
    }),
    'documents.open': async ({ path: requested }) => {
      const file = resolveDocumentPath(scope, requested);
      const text = await fs.readFile(file, 'utf8');
      const sidecar = await readSidecar(file, logger);
      store.addRecentFile(file, now());
      return { path: file, text, sidecar };
    },
    'documents.save': async ({ path: requested, text, sidecar }) => {
      const file = resolveDocumentPath(scope, requested);
      await writeFileAtomic(file, text);
      if (sidecar !== undefined) {
        await writeFileAtomic(sidecarPathOf(file), `${JSON.stringify(sidecar, null, 2)}\n`);
      }
      const savedAt = now();
      store.addRecentFile(file, savedAt);
      return { path: file, savedAt };
    },
    'documents.export': async ({ path: requested, text }) => {
      const file = resolveDocumentPath(scope, requested);
      await writeFileAtomic(file, text);
      return { path: file };
    },
    'documents.recent': () => settle(() => ({ files: store.listRecentFiles() })),
    'documents.samples': async () => ({ samples: await listSamples(services.samplesDir) }),
    'drafts.save': async ({ key, text, sidecar }) => {
      await drafts.save({
        key,
        text,
        ...(sidecar === undefined ? {} : { sidecar }),
        savedAt: now(),
      });
      return { ok: true as const };
    },
    'drafts.list': async () => ({
      drafts: (await drafts.list()).map(({ key, text, savedAt }) => ({ key, text, savedAt })),
    }),
    'drafts.discard': async ({ key }) => {
      await drafts.discard(key);
      return { ok: true as const };
    },
  };
}
