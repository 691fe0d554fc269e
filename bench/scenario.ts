/** What `npm run bench -- <scenario> [--instances N] [--runs R] ...` passes to a scenario. Unset flags are absent. */
export interface ScenarioOptions {
  /** Instances (or operations) per measured run of Operon's side. */
  readonly instances?: number;
  /** Instances per measured run of the peer, when the peer is much slower and measured on fewer. */
  readonly peerInstances?: number;
  /** Measured runs per side; the result is their median. */
  readonly runs?: number;
}

/** The flags the harness accepts, as written on the command line. */
export const SCENARIO_FLAGS = {
  '--instances': 'instances',
  '--peer-instances': 'peerInstances',
  '--runs': 'runs',
} as const satisfies Record<string, keyof ScenarioOptions>;

/**
 * A scenario measures Operon and a peer (or a ceiling) in the same process and run (ARCHITECTURE.md),
 * so that the figure that matters is `ratio = value / peerValue`, not a machine-dependent absolute.
 */
export interface ScenarioResult {
  readonly scenario: string;
  /** Unit of `value` and `peerValue`, e.g. "instances/s". Higher is better. */
  readonly unit: string;
  /** Operon's median. */
  readonly value: number;
  /** What Operon is compared with: an npm package name, or "ceiling: ..." */
  readonly peer: string;
  readonly peerValue: number;
  /** value / peerValue: above 1 means Operon is faster. */
  readonly ratio: number;
  /** Scenario-specific figures: instance counts, every run, versions. */
  readonly details: Readonly<Record<string, unknown>>;
}

/** The shape of a module in `bench/scenarios/`. */
export interface Scenario {
  run(options: ScenarioOptions): Promise<ScenarioResult>;
}
