// About the least that an index of every word of the sources costs on this machine, beside Verbatim's cold run:
// Node and its worker threads start, every file is read as bytes, every word is hashed (a word being a run of ASCII
// letters and digits and of bytes of other characters, its ASCII letters folded), the words are sorted into buckets
// by their hashes (a counting sort) and the bucketed places are written to a scratch file. No dictionary, no
// normalisation, no offsets, no check.
// Plain JavaScript, run by node alone, so that no loader's start-up is counted.
//
// Usage: node floor.cjs <words|pairs> <scratch folder> <file>...   (pairs: every pair of neighbouring words too)
// Prints one line of JSON: { "words": <words hashed>, "places": <places written> }.
'use strict';
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { availableParallelism } = require('node:os');
const { join } = require('node:path');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The hash of every word of a file's bytes. */
function wordHashes(bytes) {
  const hashes = new Int32Array((bytes.length >> 1) + 1);
  let count = 0;
  let hash = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    const lower = byte | 0x20;
    if ((byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x7a) || byte >= 0x80) {
      hash = Math.imul(hash ^ lower, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      hashes[count++] = hash;
      hash = FNV_OFFSET;
      inWord = false;
    }
  }
  if (inWord) hashes[count++] = hash;
  return hashes.subarray(0, count);
}

/** The bucket of the pair of words at `w` and `w + 1`. */
function pairBucket(hashes, w, mask) {
  return (Math.imul(hashes[w], 0x85ebca77) ^ hashes[w + 1]) & mask;
}

/** Indexes `files` the bare way and writes the places to `out`; gives how many words and places there were. */
function indexFiles(files, pairs, out) {
  const all = files.map((file) => wordHashes(readFileSync(file)));
  const words = all.reduce((sum, hashes) => sum + hashes.length, 0);
  let buckets = 1024;
  while (buckets * 8 < words) buckets *= 2;
  const mask = buckets - 1;
  const starts = new Uint32Array(buckets + 1);
  for (const hashes of all) {
    for (let w = 0; w < hashes.length; w++) {
      starts[(hashes[w] & mask) + 1]++;
      if (pairs && w + 1 < hashes.length) starts[pairBucket(hashes, w, mask) + 1]++;
    }
  }
  for (let b = 0; b < buckets; b++) starts[b + 1] += starts[b];
  const places = new Uint32Array(starts[buckets]);
  let base = 0;
  for (const hashes of all) {
    for (let w = 0; w < hashes.length; w++) {
      places[starts[hashes[w] & mask]++] = base + w;
      if (pairs && w + 1 < hashes.length) places[starts[pairBucket(hashes, w, mask)]++] = base + w;
    }
    base += hashes.length;
  }
  writeFileSync(out, places);
  return { words, places: places.length };
}

/** The files cut into `parts` lists of about equal bytes, the largest files dealt first. */
function share(files, parts) {
  const sized = files.map((file) => ({ file, size: statSync(file).size })).sort((a, b) => b.size - a.size);
  const lists = Array.from({ length: parts }, () => ({ files: [], bytes: 0 }));
  for (const { file, size } of sized) {
    const least = lists.reduce((min, list) => (list.bytes < min.bytes ? list : min));
    least.files.push(file);
    least.bytes += size;
  }
  return lists.map((list) => list.files);
}

async function main() {
  const [mode, scratch, ...files] = process.argv.slice(2);
  if ((mode !== 'words' && mode !== 'pairs') || !scratch || files.length === 0) {
    throw new Error('usage: node floor.cjs <words|pairs> <scratch folder> <file>...');
  }
  const pairs = mode === 'pairs';
  // As the command line does: this thread indexes a share of its own beside the workers, one thread per core up to 4.
  const [own, ...others] = share(files, Math.min(4, availableParallelism()));
  const results = others.map((list, n) => {
    const worker = new Worker(__filename, { workerData: { files: list, pairs, out: join(scratch, `places-${n + 1}`) } });
    return new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  });
  const totals = [indexFiles(own, pairs, join(scratch, 'places-0')), ...(await Promise.all(results))];
  const sum = (key) => totals.reduce((total, result) => total + result[key], 0);
  process.stdout.write(`${JSON.stringify({ words: sum('words'), places: sum('places') })}\n`);
}

if (isMainThread) {
  main().catch((error) => {
    process.stderr.write(`floor: ${error.message}\n`);
    process.exitCode = 1;
  });
} else {
  parentPort.postMessage(indexFiles(workerData.files, workerData.pairs, workerData.out));
}
