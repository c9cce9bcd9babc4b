/**
 * The load generator of bench/workbench, in its own process (apart from the server it measures):
 * reads its plan as JSON on stdin, sends GET /api/debtors/:id/prep-sheet over keep-alive
 * connections and prints one `RESULT {json}` line.
 *   - warm-up: `warmup` requests from all clients back to back, not measured;
 *   - saturation: `clients` closed-loop clients back to back (each sends its next request when
 *     the previous answered) for `requests` requests: what the server does flat out;
 *   - paced: `clients` clients each sending one request per `periodMs` on average (uniformly
 *     jittered ±50%) for `seconds`, open loop: a request is sent at its scheduled moment whether
 *     or not the client's previous one answered, and its latency counts from that moment, so
 *     queueing in the server (or in this process) is in the figure.
 * Each request takes a random debtor and a random collector's session (seeded, reproducible).
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { text } from 'node:stream/consumers';

export type LoadPlan = {
  base: string;
  /** The server's process, whose CPU time (Linux /proc) is divided by the requests of each phase. */
  serverPid: number;
  cookies: string[];
  debtorIds: string[];
  clients: number;
  warmup: number;
  requests: number;
  seconds: number;
  periodMs: number;
};

export type LatencyFigures = {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  serverCpuMsPerRequest: number;
};

export type LoadResult = { saturation: LatencyFigures; paced: LatencyFigures; firstError: string | null };

/** mulberry32: a small seeded generator, so two runs ask for the same debtors. */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** User + system CPU time of a process so far, in ms (fields 14 and 15 of /proc/PID/stat, in ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function run(plan: LoadPlan): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.clients * 2 });
  const random = seededRandom(20260504);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  let firstError: string | null = null;

  const get = (): Promise<boolean> =>
    new Promise((resolve) => {
      const url = `${plan.base}/api/debtors/${pick(plan.debtorIds)}/prep-sheet`;
      const req = request(url, { agent, headers: { cookie: pick(plan.cookies) } }, (res) => {
        text(res).then(
          (body) => {
            const ok = res.statusCode === 200;
            if (!ok) firstError ??= `${res.statusCode} ${body.slice(0, 300)}`;
            resolve(ok);
          },
          (error: Error) => {
            firstError ??= error.message;
            resolve(false);
          },
        );
      });
      req.on('error', (error) => {
        firstError ??= error.message;
        resolve(false);
      });
      req.end();
    });

  const figures = (latencies: number[], errors: number, ms: number, cpuMs: number): LatencyFigures => {
    latencies.sort((a, b) => a - b);
    return {
      serverCpuMsPerRequest: cpuMs / latencies.length,
      requests: latencies.length,
      errors,
      seconds: ms / 1000,
      perSecond: latencies.length / (ms / 1000),
      p50Ms: percentile(latencies, 50),
      p90Ms: percentile(latencies, 90),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies.at(-1) ?? 0,
    };
  };

  const closedLoop = async (count: number) => {
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const cpuBefore = cpuMsOf(plan.serverPid);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: plan.clients }, async () => {
        while (next++ < count) {
          const t0 = performance.now();
          if (!(await get())) errors++;
          latencies.push(performance.now() - t0);
        }
      }),
    );
    return figures(latencies, errors, performance.now() - started, cpuMsOf(plan.serverPid) - cpuBefore);
  };

  await closedLoop(plan.warmup);
  const saturation = await closedLoop(plan.requests);

  const latencies: number[] = [];
  let errors = 0;
  const cpuBefore = cpuMsOf(plan.serverPid);
  const started = performance.now();
  const end = started + plan.seconds * 1000;
  const inFlight: Promise<void>[] = [];
  await Promise.all(
    Array.from({ length: plan.clients }, async () => {
      let due = started + random() * plan.periodMs;
      while (due < end) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const scheduled = due;
        inFlight.push(
          get().then((ok) => {
            if (!ok) errors++;
            latencies.push(performance.now() - scheduled);
          }),
        );
        due += plan.periodMs * (0.5 + random());
      }
    }),
  );
  await Promise.all(inFlight);
  const paced = figures(latencies, errors, performance.now() - started, cpuMsOf(plan.serverPid) - cpuBefore);
  agent.destroy();
  return { saturation, paced, firstError };
}

const plan = JSON.parse(await text(process.stdin)) as LoadPlan;
process.stdout.write(`RESULT ${JSON.stringify(await run(plan))}\n`);
