export const helper = { name: 'x' };
