import type { CalendarDate } from '@tripartite/calendar';
import { type InterestLink, type Member, within } from './body.types';

/** D.4622-44, 2012 wording, the rule every recusal cites. */
export const RECUSAL_RULE =
  'D.4622-44: « Les membres de la formation restreinte concernés au titre de la déclaration individuelle ' +
  'd’intérêts prévue à l’article D. 4641-34 ne prennent pas part à la consultation. »';

const LINK_IN_WORDS: Readonly<Record<InterestLink | 'represents', string>> = {
  board_seat: 'siège au conseil d’administration de',
  employment: 'salarié de',
  mandate: 'mandat pour',
  represents: 'représente',
};

export interface Recusal {
  memberId: string;
  name: string;
  /** The link, in French, as the secretariat reads it: "siège au conseil d’administration de AST 35 (depuis le …)". */
  link: string;
}

/**
 * D.4622-44: the members whose declaration of interests links them, on `on`, to the service whose CPOM is
 * examined do not sit. A member who represents the service itself is linked too. Dated: a link ended before
 * the session, or starting after it, does not recuse.
 */
export function recusedMembers(
  members: readonly Member[],
  service: { id: string; name: string },
  on: CalendarDate,
): Recusal[] {
  return members.flatMap((member) => {
    if (member.organisationId === service.id) {
      return [
        { memberId: member.id, name: member.name, link: `${LINK_IN_WORDS.represents} ${service.name}` },
      ];
    }
    const interest = member.interests.find(
      (i) => i.organisationId === service.id && within(on, i.from, i.until),
    );
    if (!interest) return [];
    return [
      {
        memberId: member.id,
        name: member.name,
        link: `${LINK_IN_WORDS[interest.link]} ${service.name} (depuis le ${interest.from})`,
      },
    ];
  });
}

/** The members whose mandate covers `on`: those who may sit at a session that day. */
export function sittingMembersOn(members: readonly Member[], on: CalendarDate): Member[] {
  return members.filter((m) => within(on, m.mandateFrom, m.mandateUntil));
}
