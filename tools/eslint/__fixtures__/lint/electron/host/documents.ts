import type { Shape } from '../../core/model/shape';

export const documents: Shape[] = [];
