// How fast this host is right now, printed beside the benches' figures: the 2-core machines these runs land on have
// differed by two to four times in requests/s and page task time from one session to the next, and swing within one,
// so a figure means little without it. Two probes, because hosts have differed in one and not the other: one core's
// integer work (a loop), and memory taken fresh from the system (objects allocated until the heap has grown by a few
// hundred MB, which is page faults and GC more than arithmetic).

/** Milliseconds for 3·10⁸ additions in a loop, the fastest of two. */
function loopMs() {
  let fastest = Infinity;
  for (let run = 0; run < 2; run++) {
    const start = performance.now();
    let sum = 0;
    for (let i = 0; i < 3e8; i++) sum += i;
    // Used, so the loop cannot be dropped as dead code.
    if (sum < 0) console.log(sum);
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/** Milliseconds to allocate 3·10⁶ small objects and keep them (the heap grows by ~250 MB). */
function allocateMs() {
  const start = performance.now();
  const kept = [];
  for (let i = 0; i < 3e6; i++) kept.push({ i, s: `x${i}` });
  const ms = performance.now() - start;
  if (kept.length < 0) console.log(kept);
  return ms;
}

const ms = (value) => `${Math.round(value).toLocaleString('en-US')} ms`;

/** The line the benches print first, e.g. `host: 3·10⁸ additions 250 ms, 3·10⁶ objects allocated 1,600 ms …`. */
export function hostSpeedLine() {
  // Allocation first, on a young heap, as every bench process starts.
  const allocate = allocateMs();
  return `host: 3·10⁸ additions ${ms(loopMs())}, 3·10⁶ objects allocated ${ms(allocate)} (a slow host, 2 Dec 2026: ~250 ms and 1,500–1,900 ms)`;
}
