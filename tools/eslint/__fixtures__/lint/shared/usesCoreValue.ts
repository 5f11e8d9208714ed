import { helper } from '../core/model/helper';

export const value = helper;
