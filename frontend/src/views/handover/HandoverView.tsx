// The handover view: hand the viewer's reports to a new manager, and see
// the packs the viewer received and the handovers they sent.
import { useEffect } from 'react';

import { useQuery } from '../../api/hooks';
import { Empty, Failure, Loading } from '../../components/states';
import { reportRendered, setTitle } from '../../platform';
import { HandoverFlow } from './HandoverFlow';
import { HandoverHomeDocument, type HandoverHomeQuery } from './HandoverView.generated';
import { ReceivedPacks, receivedPacks, SentHandovers, sentHandovers } from './HandoverLists';
import './handover.css';

export function HandoverView() {
  const { data, error, loading, reload } = useQuery(HandoverHomeDocument, {});
  useEffect(() => setTitle('Throughline — Handover'), []);
  useEffect(() => {
    if (data) reportRendered('handover');
  }, [data]);

  return (
    <main className="handover-view">
      <h1>Handover</h1>
      {error && <Failure error={error} retry={reload} />}
      {!data && loading && <Loading what="your reports and handovers" />}
      {data && <HandoverHome data={data} reload={reload} />}
    </main>
  );
}

function HandoverHome({ data, reload }: { data: HandoverHomeQuery; reload: () => void }) {
  const me = data.viewer.person;
  if (!me) {
    return (
      <Empty>This token is not tied to a person, so it has no reports to hand over and no packs to receive.</Empty>
    );
  }
  const received = receivedPacks(me.id, [data.pending.nodes, data.recent.nodes]);
  return (
    <div className="handover-layout">
      <section aria-labelledby="handover-give" className="card">
        <h2 id="handover-give">Hand over your reports</h2>
        <HandoverFlow reports={me.reports.nodes} onHandedOver={reload} />
      </section>
      <div className="handover-side">
        <section aria-labelledby="handover-received" className="card">
          <h2 id="handover-received">Received packs</h2>
          <ReceivedPacks packs={received} />
        </section>
        <section aria-labelledby="handover-sent" className="card">
          <h2 id="handover-sent">Sent handovers</h2>
          <SentHandovers handovers={sentHandovers(me.id, data.recent.nodes)} />
        </section>
      </div>
    </div>
  );
}
