/** Thrown inside a filing transaction whose job another worker finished meanwhile: rolls it back, then means "skip". */
export const DONE_ELSEWHERE = new Error('document job done by another worker');
