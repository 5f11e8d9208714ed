import { readFileSync } from 'node:fs';

export const text = readFileSync('pipeline.yaml', 'utf8');
