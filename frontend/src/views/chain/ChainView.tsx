// Chain: why a person's plan exists. From the company objectives at the
// top, down the key results and objectives each goal serves, to the
// capability needed, the goal, and its actions and the latest check-ins,
// for one cycle at a time.
import { type ReactNode, useEffect, useMemo, useState } from 'react';

import { useQuery } from '../../api/hooks';
import { StatusBadge } from '../../components/badges';
import { Empty, Failure, Loading } from '../../components/states';
import { reportRendered, setTitle } from '../../platform';
import { href } from '../../router';
import { usePlanAccess } from '../plan/access';
import { PersonChainDocument, type PersonChainQuery } from './Chain.generated';
import { ChainExplorer } from './ChainGraph';
import { buildPersonChain } from './person-chain';
import './chain.css';

type Chain = NonNullable<PersonChainQuery['chain']>;

export function ChainView({ personId }: { personId: string }) {
  // The cycle chosen belongs to the person it was chosen for; another
  // person opens on the current quarter again.
  const [choice, setChoice] = useState<{ personId: string; cycle: string | null }>({ personId, cycle: null });
  const cycle = choice.personId === personId ? choice.cycle : null;
  const { data, error, loading, reload } = useQuery(PersonChainDocument, { personId, cycle });
  const chain = data?.chain ?? undefined;
  const model = useMemo(() => (chain ? buildPersonChain(chain) : undefined), [chain]);

  useEffect(() => setTitle('Throughline — Chain'), []);
  useEffect(() => {
    if (data) reportRendered('chain');
  }, [data]);

  if (!data) {
    return (
      <main className="chain-view">
        <h1>Chain</h1>
        {error ? <Failure error={error} retry={reload} /> : <Loading what="the chain" />}
      </main>
    );
  }
  const cycles = data.cycles.nodes.map((c) => c.name);
  const pick = (name: string) => setChoice({ personId, cycle: name });
  if (!chain) {
    return (
      <main className="chain-view">
        <h1>Chain</h1>
        {cycles.length > 0 && <CyclePicker cycles={cycles} value={cycle ?? ''} onPick={pick} />}
        <Empty>
          <p>
            There is no chain to show: {cycle ? `the cycle ${cycle} does not exist, or ` : ''}the person does not exist or is
            not yours to see.
          </p>
        </Empty>
      </main>
    );
  }
  return (
    <main className="chain-view">
      <ChainHeader chain={chain} cycles={cycles} onPick={pick} />
      {loading && <Loading what={`the chain for ${cycle ?? 'this cycle'}`} />}
      {error && <Failure error={error} retry={reload} />}
      <ChainBody chain={chain} model={model} />
    </main>
  );
}

function ChainHeader({ chain, cycles, onPick }: { chain: Chain; cycles: string[]; onPick: (c: string) => void }) {
  const { person, plan } = chain;
  return (
    <header className="chain-header">
      <h1>Chain of {person.name}</h1>
      <div className="chain-meta">
        <span className="muted">{person.title}</span>
        <span>
          Cycle {chain.cycle.name}{' '}
          <span className="muted small">
            ({chain.cycle.startsOn} to {chain.cycle.endsOn})
          </span>
        </span>
        {plan ? (
          <span title={plan.statusReason || undefined}>
            Plan <StatusBadge status={plan.status} />
            {plan.statusReason && <span className="muted small"> {plan.statusReason}</span>}
          </span>
        ) : (
          <span className="muted">No plan</span>
        )}
        {cycles.length > 0 && <CyclePicker cycles={cycles} value={chain.cycle.name} onPick={onPick} />}
        <nav aria-label={`More about ${person.name}`}>
          <a href={href({ view: 'plan', personId: person.id })}>Plan</a>
          <a href={href({ view: 'checkIn', personId: person.id })}>Check-ins</a>
        </nav>
      </div>
    </header>
  );
}

function CyclePicker({ cycles, value, onPick }: { cycles: string[]; value: string; onPick: (c: string) => void }) {
  return (
    <label>
      Cycle
      <select value={value} onChange={(e) => onPick(e.target.value)}>
        {!cycles.includes(value) && <option value={value}>{value || 'Current'}</option>}
        {cycles.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}

function ChainBody({ chain, model }: { chain: Chain; model?: ReturnType<typeof buildPersonChain> }) {
  const { person, plan, cycle } = chain;
  const planLink = <a href={href({ view: 'plan', personId: person.id })}>Open {person.name}'s plan</a>;
  if (!plan) return <NoPlan chain={chain} planLink={planLink} />;
  if (chain.goals.length === 0 || !model) {
    return (
      <Empty>
        <p>
          {person.name}'s plan for {cycle.name} has no goals yet, so nothing links it to the company's objectives. {planLink}
        </p>
      </Empty>
    );
  }
  const label = `Chain from the company's objectives down to ${person.name}'s actions in ${cycle.name}`;
  return <ChainExplorer model={model} label={label} />;
}

/**
 * No plan in the chain: the person has none for the cycle, or it is not
 * the viewer's to read (the server answers null for both); the reporting
 * line tells which.
 */
function NoPlan({ chain, planLink }: { chain: Chain; planLink: ReactNode }) {
  const { person, cycle } = chain;
  const access = usePlanAccess(person.id, true);
  if (access.error) return <Failure error={access.error} retry={access.retry} />;
  if (access.loading) return <Loading what="who may see this plan" />;
  return (
    <Empty>
      {access.canRead ? (
        <p>
          {person.name} has no development plan in {cycle.name}, so there is no chain to draw. {planLink}
        </p>
      ) : (
        <p>
          No plan you can see for {cycle.name}: {person.name} is not in your reporting line, so any plan they have is
          not yours to read.
        </p>
      )}
    </Empty>
  );
}
