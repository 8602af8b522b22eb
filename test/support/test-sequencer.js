// Longest files first, so the two workers finish together instead of one running a minute-long e2e file
// alone at the end. jest orders by the durations it cached on this machine, but a clean checkout (CI) has no
// cache and jest falls back to file size, which put the slowest files last. known-durations.json holds the
// seconds each file took in a full run on the 2-core machine; a local cache, when there is one, wins, and a
// file in neither runs first, as jest does with files it has never timed. Only the order changes.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const known = require('./known-durations.json');

const root = path.join(__dirname, '..', '..');

class KnownDurationsSequencer extends Sequencer {
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const seconds = known[path.relative(root, test.path).split(path.sep).join('/')];
    return seconds == null ? undefined : seconds * 1000;
  }
}

module.exports = KnownDurationsSequencer;
