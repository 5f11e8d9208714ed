import type { RunStore } from '../../../core/store';
import type { ChannelHandlers } from '../../../shared';
import { HostFailure } from '../hostFailure';
import { settle } from '../settle';
import type { SecretStore } from './secretStore';
import { readStoredSettings, withKeysSet, writeStoredSettings } from './studioSettings';
import { isFolderTrusted, setFolderTrust } from './workspaceTrust';

/** What the settings channels need. */
export interface SettingsServices {
  readonly store: RunStore;
  readonly secrets: SecretStore;
  /** The folder `workspace.trust` applies to (the workspace, or the opened file's folder). */
  readonly trustFolder: string | undefined;
}

/** settings.get/set, secrets.set (write-only) and workspace.trust. */
export function settingsHandlers(
  services: SettingsServices,
): Pick<ChannelHandlers, 'settings.get' | 'settings.set' | 'secrets.set' | 'workspace.trust'> {
  const { store, secrets, trustFolder } = services;
  return {
    'settings.get': () =>
      settle(() => readStoredSettings(store)).then((settings) => withKeysSet(settings, secrets)),
    'settings.set': (patch) =>
      settle(() => writeStoredSettings(store, patch)).then((settings) =>
        withKeysSet(settings, secrets),
      ),
    'secrets.set': async ({ provider, apiKey }) => {
      await secrets.set(provider, apiKey.trim());
      return { ok: true as const };
    },
    'workspace.trust': ({ trusted }) =>
      settle(() => {
        if (trustFolder === undefined) {
          throw new HostFailure(
            'NoWorkspace',
            'There is no workspace folder to trust.',
            'Open a folder (or a file in it) first.',
          );
        }
        setFolderTrust(store, trustFolder, trusted);
        return { trusted: isFolderTrusted(store, trustFolder) };
      }),
  };
}
