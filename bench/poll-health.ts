/** Probes /api/health every 50 ms until stopped: what a liveness check sees under load. */
export function pollHealth(url: string): { stop: () => Promise<{ count: number; p50: number; p99: number }> } {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${url}/api/health`).then((response) => response.arrayBuffer());
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      const sorted = [...times].sort((a, b) => a - b);
      const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
      return { count: sorted.length, p50: at(0.5), p99: at(0.99) };
    },
  };
}
