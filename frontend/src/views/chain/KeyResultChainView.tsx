// A key result's chain: the cascade above it up to the company objectives,
// and below it each capability it needs with the people building it and
// their actions. Capabilities nobody is building are named at the top and
// marked in the graph: that is where development is missing.
import { useEffect, useMemo, useState } from 'react';

import { request, RequestError } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { Progress } from '../../components/badges';
import { Empty, Failure, Loading } from '../../components/states';
import { reportRendered, setTitle } from '../../platform';
import { ChainExplorer } from './ChainGraph';
import { asKeyResult, buildKeyResultChain, climb, type FocusKeyResult } from './key-result-chain';
import { KeyResultChainDocument, ObjectivesUpDocument, type ObjectiveUpFragment } from './KeyResultChain.generated';
import './chain.css';

export function KeyResultChainView({ keyResultId }: { keyResultId: string }) {
  const { data, error, reload } = useQuery(KeyResultChainDocument, { id: keyResultId });
  const kr = data ? asKeyResult(data.node) : undefined;
  const above = useClimb(kr?.objective);
  const model = useMemo(
    () => (kr && above.objectives ? buildKeyResultChain(kr, above.objectives) : undefined),
    [kr, above.objectives],
  );

  useEffect(() => setTitle('Throughline — Key result chain'), []);
  useEffect(() => {
    if (model) reportRendered('keyResultChain');
  }, [model]);

  if (!data) {
    return (
      <main className="chain-view">
        <h1>Key result chain</h1>
        {error ? <Failure error={error} retry={reload} /> : <Loading what="the key result" />}
      </main>
    );
  }
  if (!kr) {
    return (
      <main className="chain-view">
        <h1>Key result chain</h1>
        <Empty>
          <p>There is no such key result: it may have been removed.</p>
        </Empty>
      </main>
    );
  }
  return (
    <main className="chain-view">
      <KeyResultHeader kr={kr} />
      <Gaps kr={kr} />
      {above.error && <Failure error={above.error} retry={above.retry} />}
      {model ? (
        <ChainExplorer
          model={model}
          label={`Chain from the company's objectives through "${kr.title}" to the people building what it needs`}
        />
      ) : (
        !above.error && <Loading what="the objectives above it" />
      )}
    </main>
  );
}

function KeyResultHeader({ kr }: { kr: FocusKeyResult }) {
  return (
    <header className="chain-header">
      <h1>{kr.title}</h1>
      <div className="chain-meta">
        <span className="muted">Key result of “{kr.objective.title}”</span>
        <Progress value={kr.progress} label="progress" />
        {kr.done && <span className="badge tone-ok">Done</span>}
        {kr.critical && <span className="badge tone-warn">Critical</span>}
        {kr.owner && <span className="muted">Owner {kr.owner.name}</span>}
      </div>
    </header>
  );
}

/** Names the capabilities nobody builds, or says none are stated. */
function Gaps({ kr }: { kr: FocusKeyResult }) {
  if (kr.capabilityCoverage.length === 0) {
    return (
      <Empty>
        <p>This key result states no capabilities it needs, so no development goal can be linked to it yet.</p>
      </Empty>
    );
  }
  const open = kr.capabilityCoverage.filter((c) => !c.covered);
  if (open.length === 0) {
    return (
      <p className="muted">
        Someone is building each of the {kr.capabilityCoverage.length} capabilities this key result needs.
      </p>
    );
  }
  return (
    <section className="chain-gaps" aria-labelledby="chain-gaps-title">
      <strong id="chain-gaps-title">
        Nobody is building {open.length} of the {kr.capabilityCoverage.length} capabilities this key result needs:
      </strong>
      <ul>
        {open.map((c) => (
          <li key={c.requirement.id}>
            {c.requirement.capability.name} at level {c.requirement.level}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface ClimbState {
  objectives?: ReadonlyMap<string, ObjectiveUpFragment>;
  error?: RequestError;
  retry: () => void;
}

/** Loads the objectives above the key result's objective. */
function useClimb(start: ObjectiveUpFragment | undefined): ClimbState {
  const [state, setState] = useState<Omit<ClimbState, 'retry'>>({});
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!start) return;
    const abort = new AbortController();
    setState({});
    climb(start, (ids) => request(ObjectivesUpDocument, { ids }, abort.signal)).then(
      (objectives) => setState({ objectives }),
      (err: unknown) => {
        if (abort.signal.aborted) return;
        setState({ error: err instanceof RequestError ? err : new RequestError('server', String(err)) });
      },
    );
    return () => abort.abort();
  }, [start, round]);
  return { ...state, retry: () => setRound((r) => r + 1) };
}
