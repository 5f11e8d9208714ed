// electron-builder `afterPack` hook: hardens the packaged Electron binary with fuses (compile-time
// switches read by Electron before any of our code runs). A binary without a fuse wire fails the
// build: we never ship an unhardened app by accident.
import {
  FuseState,
  FuseV1Options,
  FuseVersion,
  flipFuses,
  getCurrentFuseWire,
} from '@electron/fuses';
import path from 'node:path';

/** The fuse settings of every packaged build. */
export const FUSES = {
  version: FuseVersion.V1,
  // No `ELECTRON_RUN_AS_NODE=1 "Flujo Studio" script.js`: the app binary is not a Node runtime.
  [FuseV1Options.RunAsNode]: false,
  // Cookies (and other Chromium storage) encrypted at rest with the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect cannot inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app loads only from app.asar, and only if it matches the hash embedded at packaging
  // (macOS and Windows; Electron does not validate on Linux yet).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The renderer is served from app://, so file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The Electron executable inside electron-builder's output folder. */
export function packagedExecutable(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${name}.app`);
    case 'win32':
      return path.join(appOutDir, `${name}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

const WIRE_STATES = {
  [FuseState.ENABLE]: 'on',
  [FuseState.DISABLE]: 'off',
  [FuseState.REMOVED]: 'removed',
};

/** The hook electron-builder calls once per packaged platform and architecture. */
export default async function afterPack(context) {
  const executable = packagedExecutable(context);
  await flipFuses(executable, {
    ...FUSES,
    // Flipping fuses invalidates an ad-hoc signature (Apple silicon); electron-builder signs later.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3,
  });
  const wire = await getCurrentFuseWire(executable);
  const summary = Object.entries(FuseV1Options)
    .filter(([, index]) => typeof index === 'number' && wire[index] !== undefined)
    .map(([name, index]) => `${name}=${WIRE_STATES[wire[index]] ?? 'unknown'}`);
  console.log(`  • electron fuses flipped  ${path.basename(executable)}: ${summary.join(', ')}`);
}
