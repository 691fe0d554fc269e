/**
 * A small keep-alive HTTP load generator for the `http` scenario: a fixed number of connections,
 * each sending the next request as soon as the last answer arrived (closed loop, like autocannon's
 * default), measured in windows after a warm-up. Every answer must have the expected status.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { median } from './measure';

export interface LoadTarget {
  readonly url: string;
  readonly method: 'POST' | 'GET';
  readonly headers: Readonly<Record<string, string>>;
  /** The body of request number `n` (so that each can differ, e.g. a business key). */
  readonly body: (n: number) => string;
  readonly expectStatus: number;
}

export interface LoadPlan {
  readonly connections: number;
  readonly warmupMs: number;
  readonly windowMs: number;
  readonly windows: number;
}

export interface LoadFigures {
  /** Median of the windows, requests per second. */
  readonly requestsPerSecond: number;
  readonly windowsPerSecond: readonly number[];
  /** Over every request answered inside the windows. */
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
  readonly measuredRequests: number;
  readonly totalRequests: number;
}

export async function runLoad(target: LoadTarget, plan: LoadPlan): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.connections, maxFreeSockets: plan.connections });
  const url = new URL(target.url);
  let sent = 0;
  let failure: Error | undefined;
  let measuring = false;
  let stopping = false;
  let windowCount = 0;
  const latencies: number[] = [];

  const once = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const body = target.body(n);
      const started = performance.now();
      const outgoing = request(
        url,
        {
          agent,
          method: target.method,
          headers: { ...target.headers, 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            if (response.statusCode !== target.expectStatus) {
              reject(new Error(`${target.url}: status ${response.statusCode}: ${Buffer.concat(chunks).toString()}`));
              return;
            }
            if (measuring) {
              latencies.push(performance.now() - started);
              windowCount++;
            }
            resolve();
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const connection = async () => {
    while (!stopping && failure === undefined) {
      try {
        await once(sent++);
      } catch (error) {
        failure ??= error as Error;
      }
    }
  };
  const connections = Array.from({ length: plan.connections }, connection);

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await sleep(plan.warmupMs);
  const windowsPerSecond: number[] = [];
  measuring = true;
  for (let index = 0; index < plan.windows && failure === undefined; index++) {
    windowCount = 0;
    const started = performance.now();
    await sleep(plan.windowMs);
    windowsPerSecond.push((windowCount / (performance.now() - started)) * 1000);
  }
  measuring = false;
  stopping = true;
  await Promise.all(connections);
  agent.destroy();
  if (failure !== undefined) throw failure;

  latencies.sort((a, b) => a - b);
  const at = (fraction: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * fraction))] ?? 0);
  return {
    requestsPerSecond: round(median(windowsPerSecond)),
    windowsPerSecond: windowsPerSecond.map(round),
    latencyMs: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(latencies.at(-1) ?? 0) },
    measuredRequests: latencies.length,
    totalRequests: sent,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
