import { documents } from '../../electron/host/documents';

export const open = documents;
