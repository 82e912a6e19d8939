import type { PlatformEvent } from '@tripartite/events';
import type { PartnershipProtocol } from './partnership-protocol';
import type { ProgressPoint } from './partnership-protocol.types';

/** The steps of a protocol's life, as the audit trail names them. */
export type ProtocolStepKind = 'open' | 'conclude' | 'record_progress' | 'end';

/**
 * The `partnership_protocol.*` event of each step, typed by the catalogue: every step is published, so that
 * the DIRECCTE (`direccteId`) is told of it (seed 000: "systématiquement informé de la négociation puis de la
 * conclusion de ces protocoles ainsi que des thèmes choisis et de la mise en œuvre des actions").
 */
export function protocolEventOf(
  protocol: PartnershipProtocol,
  kind: ProtocolStepKind,
  point: ProgressPoint | null = null,
): PlatformEvent {
  const state = protocol.snapshot();
  const subject = {
    protocolId: protocol.id,
    serviceId: state.serviceId,
    caisseId: state.caisseId,
    direccteId: state.direccteId,
    regions: state.regions,
    themes: state.themes,
  };
  switch (kind) {
    case 'open':
      return {
        type: 'partnership_protocol.negotiation_opened',
        payload: { ...subject, openedOn: state.openedOn },
      };
    case 'conclude':
      return {
        type: 'partnership_protocol.concluded',
        payload: {
          ...subject,
          concludedOn: known(state.concludedOn),
          startsOn: known(state.startsOn),
          endsOn: state.endsOn,
        },
      };
    case 'record_progress': {
      const recorded = known(point);
      return {
        type: 'partnership_protocol.progress_recorded',
        payload: { ...subject, recordedOn: recorded.recordedOn, summary: recorded.summary },
      };
    }
    case 'end':
      return {
        type: 'partnership_protocol.ended',
        payload: { ...subject, endedOn: known(state.endedOn), reason: known(state.endReason) },
      };
  }
}

function known<T>(value: T | null): T {
  if (value === null) throw new Error('the step did not set what its event reports');
  return value;
}
