import type { RunStore } from '../../../core/store';
import type { ChannelResponse } from '../../../shared';
import { studioSettings } from '../../../shared';
import type { SecretStore } from './secretStore';

/** The user's settings as the renderer sees them. */
export type StudioSettings = ChannelResponse<'settings.get'>;

/** The stored part of the settings (`keysSet` is derived from the secret store). */
export type StoredSettings = Omit<StudioSettings, 'keysSet'>;

const SETTINGS_KEY = 'studio.settings';

/** Settings before the user changed anything: no endpoints, no price overrides, strict pricing. */
export const DEFAULT_SETTINGS: StoredSettings = { providers: {}, pricing: {}, strictPricing: true };

const storedSchema = studioSettings.omit({ keysSet: true });

/** The stored settings; anything unreadable (an older or hand-edited value) falls back to defaults. */
export function readStoredSettings(store: RunStore): StoredSettings {
  const parsed = storedSchema.safeParse(store.getSetting(SETTINGS_KEY));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Merges a partial change over the stored settings and stores the result. */
export function writeStoredSettings(
  store: RunStore,
  patch: Partial<StoredSettings>,
): StoredSettings {
  const current = readStoredSettings(store);
  const next: StoredSettings = {
    providers: patch.providers ?? current.providers,
    pricing: patch.pricing ?? current.pricing,
    strictPricing: patch.strictPricing ?? current.strictPricing,
  };
  store.setSetting(SETTINGS_KEY, next);
  return next;
}

/** The settings with `keysSet` (which providers have a key; never the keys). */
export async function withKeysSet(
  settings: StoredSettings,
  secrets: SecretStore,
): Promise<StudioSettings> {
  return {
    ...settings,
    keysSet: { openai: await secrets.has('openai'), anthropic: await secrets.has('anthropic') },
  };
}
