// The run store as the desktop shell opens it. electron/main may not import core/node (layering,
// ARCHITECTURE.md), so the host re-exports what it needs to open the SQLite store.
export { openSqliteRunStore, resolveNativeBinding } from '../../core/node/sqlite';
