// Handing reports over to a new manager, in four steps: choose who moves
// to whom and when; write each person's risks and stakeholder priorities
// (saved as their draft pack); preview every pack; confirm the move. The
// server checks the move only at the last step, so its refusals send the
// manager back to the first step with each message beside its field.
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';

import { request, RequestError } from '../../api/client';
import { besideField, hasConflict, type UserError, useMutation, validationError } from '../../api/hooks';
import { useSession } from '../../api/session';
import { Empty, Failure, FieldError } from '../../components/states';
import { href } from '../../router';
import {
  DraftHandoverPackDocument,
  type DraftHandoverPackMutation,
  HandOverDocument,
  HandoverDraftsDocument,
  type HandOverMutation,
} from './HandoverFlow.generated';
import { todayISO } from './labels';
import { PackContents } from './PackContents';
import { type PickedPerson, PersonPicker } from './PersonPicker';

/** A report the viewer may hand over. */
export interface Report {
  id: string;
  name: string;
  title: string;
}

type Step = 'choose' | 'draft' | 'preview' | 'done';
type DraftPack = NonNullable<DraftHandoverPackMutation['draftHandoverPack']['pack']>;
type MadeHandover = NonNullable<HandOverMutation['handOver']['handover']>;

interface Notes {
  risks: string;
  stakeholderPriorities: string;
}

const steps: { step: Step; label: string }[] = [
  { step: 'choose', label: 'Who, to whom and when' },
  { step: 'draft', label: 'Risks and stakeholders' },
  { step: 'preview', label: 'Preview the packs' },
  { step: 'done', label: 'Done' },
];

interface HandoverFlowProps {
  reports: readonly Report[];
  /** Called once a handover is made, so that lists of handovers reload. */
  onHandedOver: () => void;
}

export function HandoverFlow({ reports, onHandedOver }: HandoverFlowProps) {
  const [step, setStep] = useState<Step>('choose');
  const [chosen, setChosen] = useState<string[]>([]);
  const [toManager, setToManager] = useState<PickedPerson>();
  const [effectiveOn, setEffectiveOn] = useState(todayISO);
  const [note, setNote] = useState('');
  const [notes, setNotes] = useState<Record<string, Notes>>({});
  // The version of each person's draft as last read or saved.
  const [versions, setVersions] = useState<Record<string, number>>({});
  const [previews, setPreviews] = useState<DraftPack[]>([]);
  const [made, setMade] = useState<MadeHandover>();
  const handOver = useMutation(HandOverDocument, (d) => d.handOver);
  const headingRef = useFocusOnChange(step);

  const people = reports.filter((r) => chosen.includes(r.id));

  async function confirm() {
    const result = await handOver.run({
      input: { personIds: people.map((p) => p.id), toManagerId: toManager?.id ?? '', effectiveOn, note: note.trim() },
    });
    if (result?.handover) {
      setMade(result.handover);
      setStep('done');
      onHandedOver();
    }
  }

  // A refused move goes back to the first step, where each field shows
  // the server's message; a failed request stays on the preview.
  const refused = handOver.userErrors.length > 0;
  useEffect(() => {
    if (refused) setStep('choose');
  }, [refused]);

  function restart() {
    setChosen([]);
    setToManager(undefined);
    setEffectiveOn(todayISO());
    setNote('');
    setNotes({});
    setVersions({});
    setPreviews([]);
    setMade(undefined);
    handOver.reset();
    setStep('choose');
  }

  if (reports.length === 0 && step === 'choose') {
    return <Empty>You have no direct reports to hand over.</Empty>;
  }
  return (
    <div className="handover-flow">
      <Stepper current={step} />
      <h3 ref={headingRef} tabIndex={-1} className="step-heading">
        {steps.find((s) => s.step === step)?.label}
      </h3>
      {step === 'choose' && (
        <ChooseStep
          reports={reports}
          chosen={chosen}
          setChosen={setChosen}
          toManager={toManager}
          setToManager={setToManager}
          effectiveOn={effectiveOn}
          setEffectiveOn={setEffectiveOn}
          note={note}
          setNote={setNote}
          refusal={handOver.userErrors}
          onNext={() => {
            handOver.reset();
            setStep('draft');
          }}
        />
      )}
      {step === 'draft' && (
        <DraftStep
          people={people}
          notes={notes}
          setNotes={setNotes}
          versions={versions}
          setVersions={setVersions}
          onBack={() => setStep('choose')}
          onDrafted={(packs) => {
            setPreviews(packs);
            setStep('preview');
          }}
        />
      )}
      {step === 'preview' && (
        <PreviewStep
          packs={previews}
          toManager={toManager}
          effectiveOn={effectiveOn}
          note={note}
          running={handOver.running}
          failure={handOver.error}
          onBack={() => setStep('draft')}
          onConfirm={confirm}
        />
      )}
      {step === 'done' && made && <DoneStep handover={made} onRestart={restart} />}
    </div>
  );
}

/** Moves focus to the step's heading whenever the step changes, not at first. */
function useFocusOnChange(step: Step) {
  const ref = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [step]);
  return ref;
}

function Stepper({ current }: { current: Step }) {
  const at = steps.findIndex((s) => s.step === current);
  return (
    <ol className="handover-steps" aria-label="Handover steps">
      {steps.map((s, i) => (
        <li key={s.step} aria-current={i === at ? 'step' : undefined} className={i < at ? 'step-past' : undefined}>
          <span className="step-number">{i + 1}</span> {s.label}
        </li>
      ))}
    </ol>
  );
}

/** All the messages of userErrors on one input field, joined. */
function errorsOn(errors: readonly UserError[], field: string): string | undefined {
  const messages = errors.filter((e) => e.field.includes(field)).map((e) => e.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}

const moveFields = ['personIds', 'toManagerId', 'effectiveOn', 'note'];

interface ChooseStepProps {
  reports: readonly Report[];
  chosen: string[];
  setChosen: (ids: string[]) => void;
  toManager?: PickedPerson;
  setToManager: (p: PickedPerson | undefined) => void;
  effectiveOn: string;
  setEffectiveOn: (d: string) => void;
  note: string;
  setNote: (n: string) => void;
  /** The server's userErrors from the last attempt to move. */
  refusal: readonly UserError[];
  onNext: () => void;
}

function ChooseStep(p: ChooseStepProps) {
  const [missing, setMissing] = useState<{ people?: string; manager?: string; date?: string }>({});
  const peopleError = missing.people ?? errorsOn(p.refusal, 'personIds');
  const managerError = missing.manager ?? errorsOn(p.refusal, 'toManagerId');
  const dateError = missing.date ?? errorsOn(p.refusal, 'effectiveOn');
  const noteError = errorsOn(p.refusal, 'note');
  const general = p.refusal.filter((e) => !moveFields.some((f) => e.field.includes(f)));

  function toggle(id: string, on: boolean) {
    p.setChosen(on ? [...p.chosen, id] : p.chosen.filter((c) => c !== id));
  }

  function next(e: FormEvent) {
    e.preventDefault();
    const m = {
      people: p.chosen.length === 0 ? 'Choose at least one person to hand over.' : undefined,
      manager: p.toManager ? undefined : 'Choose the new manager.',
      date: p.effectiveOn ? undefined : 'Give the day the move takes effect.',
    };
    setMissing(m);
    if (!m.people && !m.manager && !m.date) p.onNext();
  }

  return (
    <form onSubmit={next} noValidate>
      {p.refusal.length > 0 && (
        <div className="state state-error" role="alert">
          <p>The server refused the handover and nothing changed. Fix what is marked below, then try again.</p>
          {general.map((e, i) => (
            <p key={i}>{e.message}</p>
          ))}
        </div>
      )}
      <fieldset aria-describedby={peopleError ? 'handover-people-error' : undefined}>
        <legend>People to hand over</legend>
        {p.reports.map((r) => (
          <label key={r.id} className="handover-check">
            <input
              type="checkbox"
              checked={p.chosen.includes(r.id)}
              onChange={(e) => toggle(r.id, e.target.checked)}
            />{' '}
            {r.name} <span className="muted">{r.title}</span>
          </label>
        ))}
        <FieldError id="handover-people-error" message={peopleError} />
      </fieldset>
      <PersonPicker
        id="handover-to"
        label="New manager"
        value={p.toManager}
        onChange={p.setToManager}
        error={managerError}
      />
      <label htmlFor="handover-effective">Effective date</label>
      <input
        id="handover-effective"
        type="date"
        value={p.effectiveOn}
        max={todayISO()}
        aria-invalid={dateError ? true : undefined}
        aria-describedby={dateError ? 'handover-effective-error' : undefined}
        onChange={(e) => p.setEffectiveOn(e.target.value)}
      />
      <FieldError id="handover-effective-error" message={dateError} />
      <label htmlFor="handover-note">Note</label>
      <textarea
        id="handover-note"
        value={p.note}
        placeholder="Why the move happens"
        aria-invalid={noteError ? true : undefined}
        aria-describedby={noteError ? 'handover-note-error' : undefined}
        onChange={(e) => p.setNote(e.target.value)}
      />
      <FieldError id="handover-note-error" message={noteError} />
      <div className="flow-buttons">
        <button type="submit">Next: risks and stakeholders</button>
      </div>
    </form>
  );
}

interface DraftStepProps {
  people: Report[];
  notes: Record<string, Notes>;
  setNotes: (n: Record<string, Notes>) => void;
  versions: Record<string, number>;
  setVersions: (v: Record<string, number>) => void;
  onBack: () => void;
  onDrafted: (packs: DraftPack[]) => void;
}

function DraftStep({ people, notes, setNotes, versions, setVersions, onBack, onDrafted }: DraftStepProps) {
  const session = useSession();
  const [running, setRunning] = useState(false);
  const [errors, setErrors] = useState<Record<string, readonly UserError[]>>({});
  const [failure, setFailure] = useState<RequestError>();
  const drafts = useDrafts(people, notes, setNotes, versions, setVersions);

  const notesOf = (id: string): Notes => notes[id] ?? { risks: '', stakeholderPriorities: '' };
  // Editing a text settles the server's complaint about it.
  const edit = (id: string, change: Partial<Notes>) => {
    setNotes({ ...notes, [id]: { ...notesOf(id), ...change } });
    const changed = Object.keys(change);
    setErrors((all) => ({ ...all, [id]: (all[id] ?? []).filter((e) => !changed.some((f) => e.field.includes(f))) }));
  };

  async function draft(e: FormEvent) {
    e.preventDefault();
    setRunning(true);
    setFailure(undefined);
    try {
      const outcome = await draftAll(people, notesOf, versions);
      setVersions({ ...versions, ...outcome.versions });
      setErrors(outcome.errors);
      if (outcome.conflicted.length > 0) await drafts.reload(outcome.conflicted);
      if (Object.keys(outcome.errors).length === 0) onDrafted(outcome.packs);
    } catch (err) {
      const failed = err instanceof RequestError ? err : new RequestError('server', String(err));
      if (failed.kind === 'unauthenticated') session.sessionEnded(failed.message);
      setFailure(failed);
    } finally {
      setRunning(false);
    }
  }

  return (
    <form onSubmit={draft} noValidate>
      <p className="muted">
        What the new manager should know about each person. It is saved as their draft pack, with their plan as it
        stands, and you preview it next.
      </p>
      {drafts.failure && <Failure error={drafts.failure} />}
      {people.map((person) => (
        <DraftFields
          key={person.id}
          person={person}
          notes={notesOf(person.id)}
          errors={errors[person.id] ?? []}
          onEdit={(change) => edit(person.id, change)}
        />
      ))}
      {failure && <Failure error={failure} />}
      <div className="flow-buttons">
        <button type="button" className="secondary" onClick={onBack}>
          Back
        </button>
        <button type="submit" disabled={running}>
          {running ? 'Drafting…' : 'Draft and preview the packs'}
        </button>
      </div>
    </form>
  );
}

/**
 * Saves every person's draft, one after the other; userErrors by person.
 * A text the server refuses outright (too long) counts as that person's
 * userError, named for them, so that the others' drafts still go.
 */
async function draftAll(people: Report[], notesOf: (id: string) => Notes, versions: Record<string, number>) {
  const packs: DraftPack[] = [];
  const errors: Record<string, readonly UserError[]> = {};
  const saved: Record<string, number> = {};
  const conflicted: Report[] = [];
  for (const person of people) {
    const n = notesOf(person.id);
    let result: DraftHandoverPackMutation['draftHandoverPack'];
    try {
      const data = await request(DraftHandoverPackDocument, {
        input: {
          personId: person.id,
          risks: n.risks.trim(),
          stakeholderPriorities: n.stakeholderPriorities.trim(),
          version: versions[person.id],
        },
      });
      result = data.draftHandoverPack;
    } catch (err) {
      const invalid = validationError(err);
      if (!invalid) throw err;
      errors[person.id] = [whose(person, invalid)];
      continue;
    }
    if (hasConflict(result.userErrors)) {
      conflicted.push(person);
      errors[person.id] = [whose(person, { ...result.userErrors[0], message: changedMeanwhile })];
    } else if (result.userErrors.length > 0 || !result.pack) {
      errors[person.id] = result.userErrors.map((e) => whose(person, besideField(e)));
    } else {
      packs.push(result.pack);
      saved[person.id] = result.pack.version;
    }
  }
  return { packs, errors, versions: saved, conflicted };
}

const changedMeanwhile =
  'someone else saved this draft while you wrote; their text is shown now: check it and draft again';

/**
 * The drafts already written for the people chosen: loaded when the step
 * opens, filling the notes not yet typed here, and again for the people
 * whose draft someone else changed meanwhile, whose notes then show that
 * text.
 */
function useDrafts(
  people: Report[],
  notes: Record<string, Notes>,
  setNotes: (n: Record<string, Notes>) => void,
  versions: Record<string, number>,
  setVersions: (v: Record<string, number>) => void,
) {
  const session = useSession();
  const [failure, setFailure] = useState<RequestError>();
  const current = useRef({ notes, versions });
  current.current = { notes, versions };

  const load = useCallback(
    async (whom: Report[], replace: boolean) => {
      if (whom.length === 0) return;
      try {
        const data = await request(HandoverDraftsDocument, { ids: whom.map((p) => p.id) });
        const next = { ...current.current.notes };
        const read = { ...current.current.versions };
        for (const node of data.nodes) {
          const draft = node && 'handoverDraft' in node ? node.handoverDraft : undefined;
          if (!node || !('id' in node) || !draft) continue;
          read[node.id] = draft.version;
          if (replace || !next[node.id]) {
            next[node.id] = { risks: draft.risks, stakeholderPriorities: draft.stakeholderPriorities };
          }
        }
        setNotes(next);
        setVersions(read);
      } catch (err) {
        const failed = err instanceof RequestError ? err : new RequestError('server', String(err));
        if (failed.kind === 'unauthenticated') session.sessionEnded(failed.message);
        setFailure(failed);
      }
    },
    [session, setNotes, setVersions],
  );

  const chosen = people.map((p) => p.id).join(',');
  useEffect(() => {
    void load(people, false);
    // People are chosen on the step before: load again only if they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen]);

  return { failure, reload: (whom: Report[]) => load(whom, true) };
}

const textNames: Record<string, string> = { risks: 'risks', stakeholderPriorities: 'stakeholder priorities' };

/** The error, saying whose text it is about: several people's texts sit on one page. */
function whose(person: Report, e: UserError): UserError {
  if (e.message.includes(person.name)) return e;
  const text = textNames[e.field[e.field.length - 1] ?? ''];
  const message =
    text && e.message.startsWith('This text')
      ? `${person.name}'s ${text}: this text${e.message.slice('This text'.length)}.`
      : `${person.name}: ${e.message}`;
  return { ...e, message };
}

interface DraftFieldsProps {
  person: Report;
  notes: Notes;
  errors: readonly UserError[];
  onEdit: (change: Partial<Notes>) => void;
}

function DraftFields({ person, notes, errors, onEdit }: DraftFieldsProps) {
  const base = `draft-${person.id}`;
  const risksError = errorsOn(errors, 'risks');
  const stakeholdersError = errorsOn(errors, 'stakeholderPriorities');
  const general = errors.filter((e) => !e.field.includes('risks') && !e.field.includes('stakeholderPriorities'));
  return (
    <fieldset className="draft-person">
      <legend>{person.name}</legend>
      {general.map((e, i) => (
        <p key={i} className="field-error" role="alert">
          {e.message}
        </p>
      ))}
      <label htmlFor={`${base}-risks`}>Risks</label>
      <textarea
        id={`${base}-risks`}
        value={notes.risks}
        placeholder="Risks to their plan and delivery"
        aria-invalid={risksError ? true : undefined}
        aria-describedby={`${base}-risks-error`}
        onChange={(e) => onEdit({ risks: e.target.value })}
      />
      <FieldError id={`${base}-risks-error`} message={risksError} />
      <label htmlFor={`${base}-stakeholders`}>Stakeholder priorities</label>
      <textarea
        id={`${base}-stakeholders`}
        value={notes.stakeholderPriorities}
        placeholder="Who they work with, and what each needs"
        aria-invalid={stakeholdersError ? true : undefined}
        aria-describedby={`${base}-stakeholders-error`}
        onChange={(e) => onEdit({ stakeholderPriorities: e.target.value })}
      />
      <FieldError id={`${base}-stakeholders-error`} message={stakeholdersError} />
    </fieldset>
  );
}

interface PreviewStepProps {
  packs: DraftPack[];
  toManager?: PickedPerson;
  effectiveOn: string;
  note: string;
  running: boolean;
  failure?: RequestError;
  onBack: () => void;
  onConfirm: () => void;
}

function PreviewStep({ packs, toManager, effectiveOn, note, running, failure, onBack, onConfirm }: PreviewStepProps) {
  const names = packs.map((p) => p.person.name).join(', ');
  return (
    <div>
      <p className="move-summary">
        Hand over <strong>{names}</strong> to <strong>{toManager?.name}</strong>, effective{' '}
        <time dateTime={effectiveOn}>{effectiveOn}</time>.{note.trim() && <> Note: {note.trim()}</>}
      </p>
      {packs.map((pack) => (
        <article key={pack.id} className="card pack-preview" aria-labelledby={`preview-${pack.id}`}>
          <h4 id={`preview-${pack.id}`}>Pack: {pack.person.name}</h4>
          <PackContents
            contents={pack.contents}
            risks={pack.risks}
            stakeholderPriorities={pack.stakeholderPriorities}
            level={5}
            idPrefix={`preview-${pack.id}`}
          />
        </article>
      ))}
      {failure && <Failure error={failure} />}
      <div className="flow-buttons">
        <button type="button" className="secondary" onClick={onBack}>
          Back
        </button>
        <button type="button" onClick={onConfirm} disabled={running}>
          {running ? 'Handing over…' : 'Confirm handover'}
        </button>
      </div>
    </div>
  );
}

function DoneStep({ handover, onRestart }: { handover: MadeHandover; onRestart: () => void }) {
  const names = handover.packs.map((p) => p.person.name).join(', ');
  return (
    <div>
      <p role="status" className="state handover-done">
        Handed over {names} to {handover.toManager.name}, effective {handover.effectiveOn}.{' '}
        {handover.toManager.name} acknowledges each pack.
      </p>
      <ul aria-label="Created packs">
        {handover.packs.map((p) => (
          <li key={p.id}>
            <a href={href({ view: 'pack', packId: p.id })}>Pack: {p.person.name}</a>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onRestart}>
        Start another handover
      </button>
    </div>
  );
}
