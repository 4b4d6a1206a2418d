// The handovers around the viewer: packs they received as the incoming
// manager, those still to acknowledge first, and handovers they sent.
import type { PlanStatus } from '../../api/schema';
import { StatusBadge } from '../../components/badges';
import { Empty } from '../../components/states';
import { href } from '../../router';
import type { HandoverSummaryFragment } from './HandoverView.generated';
import { dayOf } from './labels';

type Handover = HandoverSummaryFragment;

/** A received pack with the handover it came in. */
export interface ReceivedPack {
  id: string;
  person: string;
  from?: string;
  effectiveOn: string;
  acknowledgedAt: string | null;
  /** The plan's status at the move. */
  status: PlanStatus | null;
}

/**
 * The packs handed to the viewer, waiting ones first, then newest move
 * first. A handover may appear in both lists it is read from: once.
 */
export function receivedPacks(viewerId: string, lists: readonly (readonly Handover[])[]): ReceivedPack[] {
  const byId = new Map<string, ReceivedPack>();
  for (const h of lists.flat()) {
    if (h.toManager.id !== viewerId) continue;
    for (const p of h.packs) {
      byId.set(p.id, {
        id: p.id,
        person: p.person.name,
        from: h.fromManager?.name,
        effectiveOn: h.effectiveOn,
        acknowledgedAt: p.acknowledgedAt,
        status: p.contents.status,
      });
    }
  }
  return [...byId.values()].sort(
    (a, b) => Number(!!a.acknowledgedAt) - Number(!!b.acknowledgedAt) || b.effectiveOn.localeCompare(a.effectiveOn),
  );
}

/** Handovers the viewer gave (as the outgoing manager) or made. */
export function sentHandovers(viewerId: string, recent: readonly Handover[]): Handover[] {
  return recent.filter((h) => h.fromManager?.id === viewerId || h.createdBy?.id === viewerId);
}

export function ReceivedPacks({ packs }: { packs: ReceivedPack[] }) {
  if (packs.length === 0) return <Empty>No packs handed to you.</Empty>;
  const waiting = packs.filter((p) => !p.acknowledgedAt).length;
  return (
    <>
      <p className="muted small">
        {waiting === 0 ? 'You have acknowledged every pack.' : `${waiting} waiting for you.`}
      </p>
      <ul className="pack-list" aria-label="Received packs">
        {packs.map((p) => (
          <li key={p.id} className={p.acknowledgedAt ? undefined : 'pack-waiting'}>
            <a href={href({ view: 'pack', packId: p.id })}>{p.person}</a>
            <span className="muted small">
              {' '}
              from {p.from ?? 'no manager'}, effective {p.effectiveOn}
            </span>{' '}
            {p.status && <StatusBadge status={p.status} />} <AckState at={p.acknowledgedAt} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function SentHandovers({ handovers }: { handovers: Handover[] }) {
  if (handovers.length === 0) return <Empty>You have not handed anyone over.</Empty>;
  return (
    <ul className="pack-list" aria-label="Sent handovers">
      {handovers.map((h) => (
        <li key={h.id}>
          To <strong>{h.toManager.name}</strong>, effective {h.effectiveOn}
          <ul>
            {h.packs.map((p) => (
              <li key={p.id}>
                <a href={href({ view: 'pack', packId: p.id })}>{p.person.name}</a> <AckState at={p.acknowledgedAt} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function AckState({ at }: { at: string | null }) {
  if (!at) return <span className="badge badge-waiting">waiting</span>;
  return <span className="badge badge-acknowledged">acknowledged {dayOf(at)}</span>;
}
