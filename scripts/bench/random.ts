// A small seeded random number generator, so that every benchmark run draws the same draft and corpora.

/** Gives numbers in [0, 1) from a 32-bit linear congruential generator started at `seed`. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
