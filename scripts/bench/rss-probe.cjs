// Preloaded into a measured process: when it exits, writes its peak resident memory to the file the benchmark named.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.VERBATIM_BENCH_RSS_FILE;
if (file) {
  // Children of the measured process (the server started by a job, say) must not overwrite its figure.
  delete process.env.VERBATIM_BENCH_RSS_FILE;
  process.on('exit', () => {
    try {
      writeFileSync(file, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS }));
    } catch {
      // The figure is then reported as unknown; the measured process must not fail because of the probe.
    }
  });
}
