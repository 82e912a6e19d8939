/**
 * What a run must undo (connections, queues, exchange, databases), undone in reverse order even when
 * the run failed half-way or was interrupted; one failing step does not stop the others.
 */
export class CleanupStack {
  private readonly steps: { label: string; undo: () => Promise<unknown> }[] = [];
  private running: Promise<void> | undefined;

  add(label: string, undo: () => Promise<unknown>): void {
    this.steps.push({ label, undo });
  }

  runAll(): Promise<void> {
    this.running ??= this.unwind();
    return this.running;
  }

  private async unwind(): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step.undo();
      } catch (error) {
        console.error(`cleanup: ${step.label} failed: ${(error as Error).message}`);
      }
    }
  }
}
