// One handover pack: who moved from whom to whom, the pack's contents,
// the incoming manager's acknowledgement, and the pack saved as Markdown
// (the server's own rendering) or as a PDF built here.
import { useEffect, useState } from 'react';

import { useMutation, useQuery } from '../../api/hooks';
import { useSession } from '../../api/session';
import { Empty, Failure, Loading } from '../../components/states';
import { reportRendered, saveFile, setTitle } from '../../platform';
import { href } from '../../router';
import { dayOf, fileSlug } from './labels';
import { AcknowledgeHandoverPackDocument, PackDocument, type PackFieldsFragment } from './Pack.generated';
import { PackContents } from './PackContents';
import './handover.css';

type Pack = PackFieldsFragment;

export function PackView({ packId }: { packId: string }) {
  const { data, error, loading, reload } = useQuery(PackDocument, { id: packId });
  // The pack as the acknowledgement returned it, newer than the query's.
  const [updated, setUpdated] = useState<Pack>();
  const loaded = isPack(data?.node) ? data.node : undefined;
  const pack = updated?.id === packId ? updated : loaded;

  const personName = pack?.person.name;
  useEffect(() => {
    if (personName) setTitle(`Throughline — Pack: ${personName}`);
  }, [personName]);
  useEffect(() => {
    if (data) reportRendered('pack');
  }, [data]);

  return (
    <main className="pack-view">
      <p>
        <a href={href({ view: 'handover' })}>← Handover</a>
      </p>
      {error && <Failure error={error} retry={reload} />}
      {!data && loading && <Loading what="the handover pack" />}
      {data && !pack && <Empty>There is no such pack, or it is not yours to read.</Empty>}
      {pack && <PackPage pack={pack} onAcknowledged={setUpdated} />}
    </main>
  );
}

/** Whether node(id:) answered a pack, rather than nothing or another kind. */
function isPack(node: object | null | undefined): node is Pack {
  return !!node && 'contents' in node;
}

function PackPage({ pack, onAcknowledged }: { pack: Pack; onAcknowledged: (p: Pack) => void }) {
  return (
    <>
      <h1>Handover pack: {pack.person.name}</h1>
      <About pack={pack} />
      <Acknowledgement pack={pack} onAcknowledged={onAcknowledged} />
      <SaveButtons pack={pack} />
      <PackContents contents={pack.contents} risks={pack.risks} stakeholderPriorities={pack.stakeholderPriorities} />
    </>
  );
}

function About({ pack }: { pack: Pack }) {
  const h = pack.handover;
  return (
    <dl className="pack-about">
      <dt>Person</dt>
      <dd>
        {pack.person.name}
        {pack.person.title && <span className="muted">, {pack.person.title}</span>}
      </dd>
      <dt>From</dt>
      <dd>{pack.fromManager?.name ?? 'no manager'}</dd>
      <dt>To</dt>
      <dd>{h?.toManager.name ?? 'not yet decided (a draft)'}</dd>
      {h && (
        <>
          <dt>Effective</dt>
          <dd>
            <time dateTime={h.effectiveOn}>{h.effectiveOn}</time>
          </dd>
        </>
      )}
      {h?.note && (
        <>
          <dt>Note</dt>
          <dd>{h.note}</dd>
        </>
      )}
    </dl>
  );
}

function Acknowledgement({ pack, onAcknowledged }: { pack: Pack; onAcknowledged: (p: Pack) => void }) {
  const session = useSession();
  const ack = useMutation(AcknowledgeHandoverPackDocument, (d) => d.acknowledgeHandoverPack);
  const h = pack.handover;
  if (!h) return <p className="pack-state muted">A draft: it becomes a pack when the move is made.</p>;
  if (pack.acknowledgedAt) {
    return (
      <p className="pack-state pack-acknowledged" role="status">
        Acknowledged on <time dateTime={pack.acknowledgedAt}>{dayOf(pack.acknowledgedAt)}</time>
        {pack.acknowledgedBy && <> by {pack.acknowledgedBy.name}</>}.
      </p>
    );
  }

  async function acknowledge() {
    const result = await ack.run({ input: { packId: pack.id } });
    if (result?.pack) onAcknowledged(result.pack);
  }

  // Only the incoming manager acknowledges: anyone else (the outgoing
  // manager, HR) learns who must, and gets no button the server refuses.
  const incoming = session.personId === h.toManager.id;
  if (!incoming) {
    return (
      <p className="pack-state">
        Waiting for {h.toManager.name} to acknowledge it.{' '}
        <span className="muted">Only the incoming manager, {h.toManager.name}, can acknowledge a pack.</span>
      </p>
    );
  }
  return (
    <div className="pack-state">
      <p>Waiting for you to acknowledge it.</p>
      <button type="button" onClick={acknowledge} disabled={ack.running}>
        {ack.running ? 'Acknowledging…' : 'Acknowledge pack'}
      </button>
      {ack.error && <Failure error={ack.error} />}
      {ack.userErrors.length > 0 && (
        <div className="state state-error" role="alert">
          {ack.userErrors.map((e, i) => (
            <p key={i}>{e.message}</p>
          ))}
        </div>
      )}
    </div>
  );
}

function SaveButtons({ pack }: { pack: Pack }) {
  const [outcome, setOutcome] = useState<string>();
  const [failed, setFailed] = useState<string>();
  const name = `handover-pack-${fileSlug(pack.person.name)}`;

  async function save(kind: 'Markdown' | 'PDF') {
    setOutcome(undefined);
    setFailed(undefined);
    try {
      const saved = kind === 'Markdown' ? await saveMarkdown(pack, `${name}.md`) : await savePdf(pack, `${name}.pdf`);
      setOutcome(saved ? `Saved the ${kind} as ${saved}.` : 'Not saved.');
    } catch (err) {
      setFailed(`The ${kind} could not be saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return (
    <div className="pack-save">
      <button type="button" className="secondary" onClick={() => save('Markdown')}>
        Save as Markdown
      </button>
      <button type="button" className="secondary" onClick={() => save('PDF')}>
        Save as PDF
      </button>
      <span role="status" className="muted small">
        {outcome}
      </span>
      {failed && (
        <p className="field-error" role="alert">
          {failed}
        </p>
      )}
    </div>
  );
}

function saveMarkdown(pack: Pack, name: string): Promise<string> {
  return saveFile(name, new TextEncoder().encode(pack.markdown), 'text/markdown');
}

// jsPDF is large and only this button needs it, so it loads on first use.
async function savePdf(pack: Pack, name: string): Promise<string> {
  const { buildPackPdf } = await import('./pack-pdf');
  return saveFile(name, buildPackPdf(pack), 'application/pdf');
}
