import type { Shape } from '../core/model/shape';
import { helper } from '../core/model/helper';

export const shapes: Shape[] = [helper];
