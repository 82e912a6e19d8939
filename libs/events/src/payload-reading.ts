import type { z } from 'zod';
import type { EventDefinition } from './event-definition';

/**
 * What a consumer makes of a payload of some version: the current version's payload, or why not.
 * `newerVersion` is set when the message is of a version this consumer does not know yet (its producer
 * was upgraded first): it can be read once the consumer is.
 */
export type PayloadReading =
  | { readonly ok: true; readonly payload: unknown }
  | { readonly ok: false; readonly reason: string; readonly newerVersion?: number };

/**
 * Reads a payload written as `version` of `definition`'s event as the current version: validated against
 * its own version's schema, then upcast one step at a time (each step's result validated against the next
 * version's schema). Pure; never throws.
 */
export function readPayload(definition: EventDefinition, version: number, payload: unknown): PayloadReading {
  const { type } = definition;
  if (version > definition.version) {
    return {
      ok: false,
      newerVersion: version,
      reason: `${type} version ${version} is newer than this consumer reads (up to ${definition.version}): parked until it is upgraded`,
    };
  }
  const first = definition.earlier.findIndex((step) => step.version === version);
  if (version !== definition.version && first < 0) {
    const known = [...definition.earlier.map((step) => step.version), definition.version].join(', ');
    return { ok: false, reason: `${type} version ${version} is no longer read (reads ${known})` };
  }
  const steps = first < 0 ? [] : definition.earlier.slice(first);
  let current = steps[0]?.schema.safeParse(payload) ?? definition.schema.safeParse(payload);
  if (!current.success) return { ok: false, reason: `invalid payload: ${describeIssues(current.error)}` };
  for (const [index, step] of steps.entries()) {
    const to = step.version + 1;
    let upcast: unknown;
    try {
      upcast = step.upcast(current.data);
    } catch (error) {
      return {
        ok: false,
        reason: `upcasting ${type} v${step.version} to v${to} failed: ${messageOf(error)}`,
      };
    }
    current = (steps[index + 1]?.schema ?? definition.schema).safeParse(upcast);
    if (!current.success) {
      return {
        ok: false,
        reason: `upcasting ${type} v${step.version} to v${to} gave an invalid payload: ${describeIssues(current.error)}`,
      };
    }
  }
  return { ok: true, payload: current.data };
}

/** Whether this consumer reads `version` of the event (the current one or an earlier one it upcasts). */
export function readsVersion(definition: EventDefinition, version: number): boolean {
  return version === definition.version || definition.earlier.some((step) => step.version === version);
}

/** The issues of a failed parse, each as "path message". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'} ${i.message}`).join('; ');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
