/**
 * Where a run leaves each API's converted collections and the tools' outputs
 * (`bench/fidelity/.work/<api>/<mode>/`): rewritten by every run, kept afterwards so a score
 * can be traced to the files behind it. Not committed.
 */
export const WORK_ROOT = new URL("./.work", import.meta.url).pathname;
