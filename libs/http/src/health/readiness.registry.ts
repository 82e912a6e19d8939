import { Injectable } from '@nestjs/common';

/** A dependency check: resolves when the dependency is usable, throws (with the reason) when it is not. */
export type ReadinessCheck = () => Promise<void>;

/**
 * The checks `/health/ready` runs besides the database. Libraries register theirs at boot
 * (messaging: "broker", "consumers"; deadlines: "redis"); a throwing check makes the service not ready.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    if (this.checks.has(name)) throw new Error(`Readiness check "${name}" is already registered`);
    this.checks.set(name, check);
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  entries(): [string, ReadinessCheck][] {
    return [...this.checks.entries()];
  }
}
