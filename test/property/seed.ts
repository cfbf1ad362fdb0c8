// Property tests run with a fixed seed, so that every run, in CI too, tries the same inputs and a failure can be
// replayed. Set VERBATIM_PROPERTY_SEED to a number to try other inputs, or to "random" for a new seed each run; a
// failure prints the seed and path that replay it.
import fc from 'fast-check';

const chosen = process.env.VERBATIM_PROPERTY_SEED;
if (chosen !== 'random') fc.configureGlobal({ seed: chosen === undefined ? 20261122 : Number(chosen) });
