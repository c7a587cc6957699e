// Imported by namespace.js.
export const answer = 42;
export let list = [1, 2, 3];
export function helper() {}
export class Thing {}
export default { name: 'default export' };
