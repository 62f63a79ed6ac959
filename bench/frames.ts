/**
 * What the playback and pan sections share: a frame recorder added to the page before its
 * scripts, and a wait until the page has settled.
 */

/**
 * Runs in the page before its scripts (a string: tsx would wrap a function's inner helpers in
 * __name(), unknown in the page). While `__bench.recording`:
 * - every requestAnimationFrame callback is timed; the first callback of a frame (callbacks of one
 *   frame share its timestamp) posts a message to itself, and the frame's work is the time from
 *   that callback's start to the message's arrival: the rAF callbacks, style, layout and paint,
 *   and any task that ran in between (work after paint included);
 * - long tasks (PerformanceObserver 'longtask', over 50 ms) are listed;
 * - React commits are counted through a stand-in for the DevTools hook.
 * Before recording, `__bench.lastLongTaskEnd` tells when the page last had a long task.
 */
export const FRAME_RECORDER = `
  (function () {
    var bench = { recording: false, frames: [], longTasks: [], commits: 0, lastLongTaskEnd: 0 };
    window.__bench = bench;
    var channel = new MessageChannel();
    channel.port1.onmessage = function (e) {
      var f = bench.frames[e.data];
      if (f) f.end = performance.now();
    };
    var current = null;
    var raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = function (callback) {
      return raf(function (ts) {
        if (!bench.recording) return callback(ts);
        if (!current || current.ts !== ts) {
          current = { ts: ts, start: performance.now(), callbacks: 0, end: NaN };
          bench.frames.push(current);
          channel.port2.postMessage(bench.frames.length - 1);
        }
        var frame = current;
        var t0 = performance.now();
        try {
          return callback(ts);
        } finally {
          frame.callbacks += performance.now() - t0;
        }
      });
    };
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        bench.lastLongTaskEnd = Math.max(bench.lastLongTaskEnd, e.startTime + e.duration);
        if (bench.recording) bench.longTasks.push(e.duration);
      });
    }).observe({ type: 'longtask', buffered: true });
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      isDisabled: false,
      renderers: new Map(),
      inject: function (renderer) {
        var id = this.renderers.size + 1;
        this.renderers.set(id, renderer);
        return id;
      },
      checkDCE: function () {},
      onScheduleFiberRoot: function () {},
      onCommitFiberRoot: function () {
        if (bench.recording) bench.commits++;
      },
      onPostCommitFiberRoot: function () {},
      onCommitFiberUnmount: function () {},
    };
  })();
`;

/** Resolves once the page has had no long task for a second (the map's flight, the basemap). */
export const SETTLE = `new Promise(function (resolve) {
  var start = performance.now();
  (function check() {
    var now = performance.now();
    var quiet = now - Math.max(start, window.__bench.lastLongTaskEnd) > 1000;
    if (quiet || now - start > 15000) resolve(now - start);
    else setTimeout(check, 100);
  })();
})`;

export interface RecordedFrame {
  ts: number;
  start: number;
  callbacks: number;
  end: number;
}
