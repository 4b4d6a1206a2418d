export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date in ISO 8601 form, such as 2026-10-01. */
  Date: { input: string; output: string; }
  /** An instant in ISO 8601 form with a time zone, such as 2026-10-01T09:30:00Z. */
  DateTime: { input: string; output: string; }
};

/** A pack the incoming manager acknowledges. */
export type AcknowledgeHandoverPackInput = {
  /** The pack. */
  packId: Scalars['ID']['input'];
};

/** How an action develops the person. */
export type ActionKind =
  /** One targeted course or workshop. */
  | 'EDUCATION'
  /** A named piece of live work. */
  | 'EXPERIENCE'
  /** Pairing, shadowing or mentoring. */
  | 'EXPOSURE';

/** A new action for a goal. */
export type AddDevelopmentActionInput = {
  /** When it is due. */
  dueOn?: InputMaybe<Scalars['Date']['input']>;
  /** The goal. */
  goalId: Scalars['ID']['input'];
  /** How it develops the person. */
  kind: ActionKind;
  /** Who supports it (a Person ID). */
  supporterId?: InputMaybe<Scalars['ID']['input']>;
  /** How they help. */
  supporterRole?: InputMaybe<SupporterRole>;
  /** What to do. */
  title: Scalars['String']['input'];
  /** The plan's version as last read. */
  version: Scalars['Int']['input'];
};

/** A new goal in a plan. */
export type AddDevelopmentGoalInput = {
  /** The capability it builds; required for EXECUTION. */
  capabilityId?: InputMaybe<Scalars['ID']['input']>;
  /** What will be different in the person's work. */
  changeInWork?: InputMaybe<Scalars['String']['input']>;
  /** For CAREER goals: how far ahead it looks. */
  horizon?: InputMaybe<Scalars['String']['input']>;
  /** The key result it serves; required for EXECUTION. */
  keyResultId?: InputMaybe<Scalars['ID']['input']>;
  /** EXECUTION or CAREER. */
  lane: Lane;
  /** The plan. */
  planId: Scalars['ID']['input'];
  /** The level to aim for. */
  targetLevel?: InputMaybe<Scalars['Int']['input']>;
  /** The goal. */
  title: Scalars['String']['input'];
  /** The plan's version as last read. */
  version: Scalars['Int']['input'];
};

/** One parent for an objective: give exactly one of the two IDs. */
export type AlignmentTargetInput = {
  /** A key result one level up. */
  keyResultId?: InputMaybe<Scalars['ID']['input']>;
  /** An objective one level up. */
  objectiveId?: InputMaybe<Scalars['ID']['input']>;
};

/** One level of a new capability's scale. */
export type CapabilityLevelInput = {
  /** What someone at this level does. */
  descriptor: Scalars['String']['input'];
  /** A short name, such as Practitioner. */
  name: Scalars['String']['input'];
};

/** The kind of check-in. */
export type CheckInKind =
  /** A monthly 1:1 on the plan. */
  | 'MONTHLY'
  /** A quarterly review that resets the plan against the current key results. */
  | 'QUARTERLY';

/** A new capability. */
export type CreateCapabilityInput = {
  /** What it covers. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The scale, lowest level first: the first entry is level 1. */
  levels: Array<CapabilityLevelInput>;
  /** A unique name. */
  name: Scalars['String']['input'];
};

/** A new cycle. */
export type CreateCycleInput = {
  /** The last day; required unless the name is a quarter. */
  endsOn?: InputMaybe<Scalars['Date']['input']>;
  /** A unique name. A name of the form YYYY-Qn may leave out the dates. */
  name: Scalars['String']['input'];
  /** The first day; required unless the name is a quarter. */
  startsOn?: InputMaybe<Scalars['Date']['input']>;
};

/** A new plan for a person and a cycle. */
export type CreateDevelopmentPlanInput = {
  /** The cycle's name; each person has one plan per cycle. */
  cycle: Scalars['String']['input'];
  /** Whose plan (a Person ID). */
  personId: Scalars['ID']['input'];
};

/** A new key result. */
export type CreateKeyResultInput = {
  /** Whether it is critical to the company. */
  critical?: InputMaybe<Scalars['Boolean']['input']>;
  /** The objective it measures. */
  objectiveId: Scalars['ID']['input'];
  /** Who owns it (a Person ID). */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Where the metric starts; leave out with target for a done / not done result. */
  start?: InputMaybe<Scalars['Float']['input']>;
  /** The metric's target; leave out for a done / not done result. */
  target?: InputMaybe<Scalars['Float']['input']>;
  /** What will be true when it lands. */
  title: Scalars['String']['input'];
  /** The metric's unit. */
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** A new objective. */
export type CreateObjectiveInput = {
  /** What it aligns to; company objectives align to nothing. */
  alignTo?: InputMaybe<Array<AlignmentTargetInput>>;
  /** The cycle's name, such as 2026-Q4. */
  cycle: Scalars['String']['input'];
  /** More detail. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Where it sits in the cascade. */
  level: ObjectiveLevel;
  /** Who owns it (a Person ID). */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** Its team (a Team ID). */
  teamId?: InputMaybe<Scalars['ID']['input']>;
  /** What it sets out to achieve. */
  title: Scalars['String']['input'];
};

/** A new person. */
export type CreatePersonInput = {
  /** A unique work email. */
  email: Scalars['String']['input'];
  /** Their manager (a Person ID). */
  managerId?: InputMaybe<Scalars['ID']['input']>;
  /** Full name. */
  name: Scalars['String']['input'];
  /** Their team (a Team ID). */
  teamId?: InputMaybe<Scalars['ID']['input']>;
  /** Job title. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** A new team. */
export type CreateTeamInput = {
  /** Who leads it (a Person ID). */
  leadId?: InputMaybe<Scalars['ID']['input']>;
  /** A unique name. */
  name: Scalars['String']['input'];
  /** The team it belongs to (a Team ID). */
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

/** A new access token. */
export type CreateTokenInput = {
  /** A note on what it is for. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** The person it acts for (a Person ID); required for every role but ADMIN. */
  personId?: InputMaybe<Scalars['ID']['input']>;
  /** What it lets its person do. */
  roles: Array<Role>;
};

/** Risks and stakeholder priorities the outgoing manager writes before a move. */
export type DraftHandoverPackInput = {
  /** The person the pack is about (a Person ID). */
  personId: Scalars['ID']['input'];
  /** Risks to the person's plan and delivery. */
  risks?: InputMaybe<Scalars['String']['input']>;
  /** Stakeholders and what each needs. */
  stakeholderPriorities?: InputMaybe<Scalars['String']['input']>;
  /** The version of the draft this edit was made on, as last read; leave it out only when the person has no draft yet. Another version is a CONFLICT, and nothing is overwritten. */
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** One piece of evidence for a new assessment. */
export type EvidenceInput = {
  /** What happened. */
  description: Scalars['String']['input'];
  /** The kind of signal. */
  kind: EvidenceKind;
  /** When it was observed. */
  observedOn?: InputMaybe<Scalars['Date']['input']>;
};

/** The kind of delivery signal behind an assessment. */
export type EvidenceKind =
  /** Work had to be redone and need not have been. */
  | 'AVOIDABLE_REWORK'
  /** A deadline was missed. */
  | 'MISSED_DEADLINE'
  /** Something else, described in words. */
  | 'OTHER'
  /** Work was handed over without what the next person needed. */
  | 'POOR_HANDOVER'
  /** A decision was left unclear. */
  | 'UNCLEAR_DECISION'
  /** A discovery call did not surface what was needed. */
  | 'WEAK_DISCOVERY_CALL';

/** What to do with one execution goal at a quarterly review. */
export type GoalDecision =
  /** The goal goes on in the new cycle, against a key result of that cycle. */
  | 'CARRY_OVER'
  /** The goal is met: it closes as achieved. */
  | 'CLOSE_ACHIEVED'
  /** The goal no longer fits: it closes as dropped. */
  | 'CLOSE_DROPPED';

/** A decision about one execution goal at a quarterly review. */
export type GoalDecisionInput = {
  /** What to do with it. */
  decision: GoalDecision;
  /** The execution goal of the plan being reviewed. */
  goalId: Scalars['ID']['input'];
  /** For CARRY_OVER: the key result of the new cycle it will serve. */
  keyResultId?: InputMaybe<Scalars['ID']['input']>;
};

/** Whether a goal is still being worked on. */
export type GoalState =
  /** Reached. */
  | 'ACHIEVED'
  /** Being worked on. */
  | 'ACTIVE'
  /** Given up or replaced. */
  | 'DROPPED';

/** A move of people to a new manager. */
export type HandOverInput = {
  /** The day the move takes effect; today when left out. */
  effectiveOn?: InputMaybe<Scalars['Date']['input']>;
  /** Why the move happens. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The people to move (Person IDs), at least one. */
  personIds: Array<Scalars['ID']['input']>;
  /** The new manager (a Person ID). */
  toManagerId: Scalars['ID']['input'];
};

/** A quarterly review that resets a plan against a new cycle's key results. */
export type HoldQuarterlyReviewInput = {
  /** What capability are you building? */
  capabilityBuilding?: InputMaybe<Scalars['String']['input']>;
  /** The new cycle's name. */
  cycle: Scalars['String']['input'];
  /** One decision per active execution goal of the plan. */
  decisions: Array<GoalDecisionInput>;
  /** When it was held; today when left out. */
  heldOn?: InputMaybe<Scalars['Date']['input']>;
  /** A note. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Whether the note is visible only to you. */
  notePrivate?: InputMaybe<Scalars['Boolean']['input']>;
  /** The change in output observed over the cycle. */
  observedChange?: InputMaybe<ObservedChange>;
  /** What has improved in your output? */
  outputImproved?: InputMaybe<Scalars['String']['input']>;
  /** The person's plan of the cycle that ends. */
  planId: Scalars['ID']['input'];
  /** What real work is building it? */
  realWork?: InputMaybe<Scalars['String']['input']>;
  /** What is still hard? */
  stillHard?: InputMaybe<Scalars['String']['input']>;
  /** What support do you need? */
  supportNeeded?: InputMaybe<Scalars['String']['input']>;
  /** The plan's version as last read. */
  version: Scalars['Int']['input'];
};

/** The two lanes of a plan. */
export type Lane =
  /** Medium-term progression toward a horizon; need not serve a key result. */
  | 'CAREER'
  /** This cycle's work: serves a key result by building a capability. At most two per plan. */
  | 'EXECUTION';

/** Where an objective sits in the cascade. */
export type ObjectiveLevel =
  /** Set by the company's leadership; aligns to nothing. */
  | 'COMPANY'
  /** Set by one person. */
  | 'INDIVIDUAL'
  /** Set by a team; aligns to company or other team key results. */
  | 'TEAM';

/** The change in the person's output the manager observed. */
export type ObservedChange =
  /** Clear improvement. */
  | 'CLEAR_IMPROVEMENT'
  /** Output got worse. */
  | 'DECLINED'
  /** No visible change. */
  | 'NO_CHANGE'
  /** Some improvement. */
  | 'SOME_IMPROVEMENT';

/** A new cycle whose plans wait for their quarterly review. */
export type OpenCycleInput = {
  /** The last day; required unless the name is a quarter. */
  endsOn?: InputMaybe<Scalars['Date']['input']>;
  /** The new cycle's name, such as 2027-Q1; it is created when missing. */
  name: Scalars['String']['input'];
  /** The first day; required unless the name is a quarter. */
  startsOn?: InputMaybe<Scalars['Date']['input']>;
};

/** The state of a development plan: exactly one at a time. */
export type PlanStatus =
  /** Something stops progress; the reason says what. */
  | 'BLOCKED'
  /** The plan's goals are met. */
  | 'COMPLETED'
  /** The plan no longer fits the work and must be reset at a review; the reason says why. */
  | 'NEEDS_RESET'
  /** Work is moving as planned. */
  | 'ON_TRACK';

/** A new assessment of a person in a capability. */
export type RecordAssessmentInput = {
  /** Who assessed (a Person ID). */
  assessedById?: InputMaybe<Scalars['ID']['input']>;
  /** When; today when left out. */
  assessedOn?: InputMaybe<Scalars['Date']['input']>;
  /** In what capability. */
  capabilityId: Scalars['ID']['input'];
  /** The evidence from delivery. */
  evidence?: InputMaybe<Array<EvidenceInput>>;
  /** The level, within the capability's scale. */
  level: Scalars['Int']['input'];
  /** Context. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Who is assessed. */
  personId: Scalars['ID']['input'];
};

/** A check-in to record. */
export type RecordCheckInInput = {
  /** What capability are you building? */
  capabilityBuilding?: InputMaybe<Scalars['String']['input']>;
  /** When it was held; today when left out. */
  heldOn?: InputMaybe<Scalars['Date']['input']>;
  /** MONTHLY or QUARTERLY. */
  kind: CheckInKind;
  /** A note. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Whether the note is visible only to you. */
  notePrivate?: InputMaybe<Scalars['Boolean']['input']>;
  /** The change in output observed. */
  observedChange?: InputMaybe<ObservedChange>;
  /** What has improved in your output? */
  outputImproved?: InputMaybe<Scalars['String']['input']>;
  /** The plan. */
  planId: Scalars['ID']['input'];
  /** What real work is building it? */
  realWork?: InputMaybe<Scalars['String']['input']>;
  /** The plan's status after the check-in. */
  statusAfter: PlanStatus;
  /** Why; required for BLOCKED and NEEDS_RESET. */
  statusReason?: InputMaybe<Scalars['String']['input']>;
  /** What is still hard? */
  stillHard?: InputMaybe<Scalars['String']['input']>;
  /** What support do you need? */
  supportNeeded?: InputMaybe<Scalars['String']['input']>;
  /** The plan's version as last read. */
  version: Scalars['Int']['input'];
};

/** A person who leaves the organisation. */
export type RecordDepartureInput = {
  /** Their last day; today when left out. */
  leftOn?: InputMaybe<Scalars['Date']['input']>;
  /** The person (a Person ID). */
  personId: Scalars['ID']['input'];
};

/** Progress on a key result. */
export type RecordProgressInput = {
  /** The owner's confidence, 0 to 100. */
  confidence?: InputMaybe<Scalars['Int']['input']>;
  /** Whether a done / not done result is done; for those only. */
  done?: InputMaybe<Scalars['Boolean']['input']>;
  /** The key result. */
  keyResultId: Scalars['ID']['input'];
  /** What changed. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The metric's new value; for metrics only. */
  value?: InputMaybe<Scalars['Float']['input']>;
};

/** A requirement to remove. */
export type RemoveCapabilityRequirementInput = {
  /** The requirement. */
  id: Scalars['ID']['input'];
};

/** A token to revoke. */
export type RevokeTokenInput = {
  /** The token. */
  id: Scalars['ID']['input'];
};

/** What a token lets its person do. */
export type Role =
  /** Manages tokens and data; reads no plan content unless also HR. */
  | 'ADMIN'
  /** Reads their own plan and updates their own actions. */
  | 'EMPLOYEE'
  /** Reads everything and maintains the capability framework. */
  | 'HR'
  /** Reads and edits the plans of direct and indirect reports. */
  | 'MANAGER';

/** A key result's need for a capability; replaces any earlier one for the same pair. */
export type SetCapabilityRequirementInput = {
  /** The capability it needs. */
  capabilityId: Scalars['ID']['input'];
  /** The key result. */
  keyResultId: Scalars['ID']['input'];
  /** The level it needs, within the capability's scale. */
  level: Scalars['Int']['input'];
  /** Why. */
  reason: Scalars['String']['input'];
};

/** A change of a plan's status. */
export type SetPlanStatusInput = {
  /** The plan. */
  planId: Scalars['ID']['input'];
  /** Why; required for BLOCKED and NEEDS_RESET. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** The new status. */
  status: PlanStatus;
  /** The plan's version as last read. */
  version: Scalars['Int']['input'];
};

/** A new review rhythm. */
export type SetReviewRhythmInput = {
  /** The longest gap between check-ins, 7 to 92 days. */
  monthlyEveryDays: Scalars['Int']['input'];
  /** How early before a cycle a review counts, 0 to 92 days. */
  reviewLeadDays: Scalars['Int']['input'];
  /** How long into a cycle its review may wait, 1 to 92 days. */
  reviewWindowDays: Scalars['Int']['input'];
};

/** How a supporter helps. */
export type SupporterRole =
  /** A coach. */
  | 'COACH'
  /** The person's manager. */
  | 'MANAGER'
  /** A mentor. */
  | 'MENTOR';

/** Changes to an action; fields left out stay as they are. */
export type UpdateDevelopmentActionInput = {
  /** Marks the action done on this date. */
  doneOn?: InputMaybe<Scalars['Date']['input']>;
  /** A new due date. */
  dueOn?: InputMaybe<Scalars['Date']['input']>;
  /** The action. */
  id: Scalars['ID']['input'];
  /** What came of it. */
  outcome?: InputMaybe<Scalars['String']['input']>;
  /** Reopens a done action. */
  reopen?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new supporter (a Person ID). */
  supporterId?: InputMaybe<Scalars['ID']['input']>;
  /** How they help. */
  supporterRole?: InputMaybe<SupporterRole>;
  /** A new title. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The plan's version as last read. */
  version: Scalars['Int']['input'];
};

/** Changes to a goal; fields left out stay as they are. */
export type UpdateDevelopmentGoalInput = {
  /** A new capability. */
  capabilityId?: InputMaybe<Scalars['ID']['input']>;
  /** What will be different in the person's work. */
  changeInWork?: InputMaybe<Scalars['String']['input']>;
  /** A new horizon. */
  horizon?: InputMaybe<Scalars['String']['input']>;
  /** The goal. */
  id: Scalars['ID']['input'];
  /** A new key result. */
  keyResultId?: InputMaybe<Scalars['ID']['input']>;
  /** A new state. */
  state?: InputMaybe<GoalState>;
  /** A new target level. */
  targetLevel?: InputMaybe<Scalars['Int']['input']>;
  /** A new title. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The plan's version as last read. */
  version: Scalars['Int']['input'];
};

/** Changes to a key result; fields left out stay as they are. */
export type UpdateKeyResultInput = {
  /** Whether it is critical. */
  critical?: InputMaybe<Scalars['Boolean']['input']>;
  /** The key result to change. */
  id: Scalars['ID']['input'];
  /** A new owner (a Person ID). */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** A new start value. */
  start?: InputMaybe<Scalars['Float']['input']>;
  /** A new target. */
  target?: InputMaybe<Scalars['Float']['input']>;
  /** A new title. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** A new unit. */
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to an objective; fields left out stay as they are. */
export type UpdateObjectiveInput = {
  /** Replaces what the objective aligns to; an objective may not align to itself or anything below it. */
  alignTo?: InputMaybe<Array<AlignmentTargetInput>>;
  /** A new description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The objective to change. */
  id: Scalars['ID']['input'];
  /** A new owner (a Person ID). */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** A new team (a Team ID). */
  teamId?: InputMaybe<Scalars['ID']['input']>;
  /** A new title. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a person; fields left out stay as they are. */
export type UpdatePersonInput = {
  /** Remove the manager. */
  clearManager?: InputMaybe<Scalars['Boolean']['input']>;
  /** The person to change. */
  id: Scalars['ID']['input'];
  /** A new manager (a Person ID); nobody may end up managing themselves through the reporting line. */
  managerId?: InputMaybe<Scalars['ID']['input']>;
  /** A new name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new team (a Team ID). */
  teamId?: InputMaybe<Scalars['ID']['input']>;
  /** A new title. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a team; fields left out stay as they are. */
export type UpdateTeamInput = {
  /** Make the team a top-level team. */
  clearParent?: InputMaybe<Scalars['Boolean']['input']>;
  /** The team to change. */
  id: Scalars['ID']['input'];
  /** A new lead (a Person ID). */
  leadId?: InputMaybe<Scalars['ID']['input']>;
  /** A new unique name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new parent team; a team cannot sit under itself or its own sub-teams. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

/** The kind of problem a user error reports. */
export type UserErrorCode =
  /** The object changed since it was read, or a unique name is taken. */
  | 'CONFLICT'
  /** The input breaks a rule; the message says which. */
  | 'INVALID'
  /** An object the input refers to does not exist. */
  | 'NOT_FOUND'
  /** The caller may not make this change. */
  | 'UNAUTHORIZED';

/** A rule a plan is checked against. */
export type WarningCode =
  /** A goal whose actions are all courses. */
  | 'EDUCATION_ONLY'
  /** An execution goal that serves no key result. */
  | 'EXECUTION_GOAL_WITHOUT_KEY_RESULT'
  /** A capability gap with no evidence from delivery. */
  | 'GAP_WITHOUT_EVIDENCE'
  /** The monthly check-in is overdue. */
  | 'MONTHLY_CHECK_IN_OVERDUE'
  /** The person has no manager. */
  | 'NO_MANAGER'
  /** A goal with no supporter on any action. */
  | 'NO_SUPPORTER'
  /** The quarterly review is overdue. */
  | 'QUARTERLY_REVIEW_OVERDUE'
  /** More than two active execution goals. */
  | 'TOO_MANY_EXECUTION_GOALS';
