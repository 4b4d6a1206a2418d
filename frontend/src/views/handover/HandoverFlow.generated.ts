/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from '../../api/schema';

import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How an action develops the person. */
export type ActionKind =
  /** One targeted course or workshop. */
  | 'EDUCATION'
  /** A named piece of live work. */
  | 'EXPERIENCE'
  /** Pairing, shadowing or mentoring. */
  | 'EXPOSURE';

/** The kind of check-in. */
export type CheckInKind =
  /** A monthly 1:1 on the plan. */
  | 'MONTHLY'
  /** A quarterly review that resets the plan against the current key results. */
  | 'QUARTERLY';

/** Risks and stakeholder priorities the outgoing manager writes before a move. */
export type DraftHandoverPackInput = {
  /** The person the pack is about (a Person ID). */
  personId: string;
  /** Risks to the person's plan and delivery. */
  risks?: string | null | undefined;
  /** Stakeholders and what each needs. */
  stakeholderPriorities?: string | null | undefined;
  /** The version of the draft this edit was made on, as last read; leave it out only when the person has no draft yet. Another version is a CONFLICT, and nothing is overwritten. */
  version?: number | null | undefined;
};

/** A move of people to a new manager. */
export type HandOverInput = {
  /** The day the move takes effect; today when left out. */
  effectiveOn?: string | null | undefined;
  /** Why the move happens. */
  note?: string | null | undefined;
  /** The people to move (Person IDs), at least one. */
  personIds: Array<string>;
  /** The new manager (a Person ID). */
  toManagerId: string;
};

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

export type DraftHandoverPackMutationVariables = Exact<{
  input: Types.DraftHandoverPackInput;
}>;


export type DraftHandoverPackMutation = { draftHandoverPack: { pack: { id: string, risks: string, stakeholderPriorities: string, version: number, person: { id: string, name: string, title: string }, fromManager: { id: string, name: string } | null, contents: { cycle: string | null, status: Types.PlanStatus | null, statusReason: string, executionGoals: Array<{ title: string, changeInWork: string, capability: string | null, keyResult: string | null, gap: number | null, horizon: string }>, careerGoals: Array<{ title: string, changeInWork: string, capability: string | null, keyResult: string | null, gap: number | null, horizon: string }>, openActions: Array<{ goal: string, kind: Types.ActionKind, title: string, supporter: string | null, dueOn: string | null, overdue: boolean }>, recentCheckIns: Array<{ kind: Types.CheckInKind, heldOn: string, stillHard: string, supportNeeded: string, observedChange: Types.ObservedChange | null, statusAfter: Types.PlanStatus, note: string | null }>, keyDeliverables: Array<{ title: string, objective: string, progress: number, critical: boolean }>, warnings: Array<{ code: Types.WarningCode, message: string }> } } | null, userErrors: Array<{ field: Array<string>, message: string, code: Types.UserErrorCode }> } };

export type HandOverMutationVariables = Exact<{
  input: Types.HandOverInput;
}>;


export type HandOverMutation = { handOver: { handover: { id: string, effectiveOn: string, toManager: { id: string, name: string }, packs: Array<{ id: string, person: { id: string, name: string } }> } | null, userErrors: Array<{ field: Array<string>, message: string, code: Types.UserErrorCode }> } };

export type PeopleSearchQueryVariables = Exact<{
  search: string;
}>;


export type PeopleSearchQuery = { people: { nodes: Array<{ id: string, name: string, title: string, team: { id: string, name: string } | null }> } };

export type HandoverDraftsQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type HandoverDraftsQuery = { nodes: Array<
    | { id: string, handoverDraft: { version: number, risks: string, stakeholderPriorities: string } | null }
    | Record<PropertyKey, never>
   | null> };


export const DraftHandoverPackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DraftHandoverPack"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DraftHandoverPackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draftHandoverPack"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pack"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fromManager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"risks"}},{"kind":"Field","name":{"kind":"Name","value":"stakeholderPriorities"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"contents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PackContentsFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HandoverGoalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HandoverGoal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"changeInWork"}},{"kind":"Field","name":{"kind":"Name","value":"capability"}},{"kind":"Field","name":{"kind":"Name","value":"keyResult"}},{"kind":"Field","name":{"kind":"Name","value":"gap"}},{"kind":"Field","name":{"kind":"Name","value":"horizon"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PackContentsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HandoverContents"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cycle"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"executionGoals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HandoverGoalFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"careerGoals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HandoverGoalFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"goal"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"supporter"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recentCheckIns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"heldOn"}},{"kind":"Field","name":{"kind":"Name","value":"stillHard"}},{"kind":"Field","name":{"kind":"Name","value":"supportNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"observedChange"}},{"kind":"Field","name":{"kind":"Name","value":"statusAfter"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keyDeliverables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"objective"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"critical"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<DraftHandoverPackMutation, DraftHandoverPackMutationVariables>;
export const HandOverDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HandOver"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HandOverInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handOver"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handover"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveOn"}},{"kind":"Field","name":{"kind":"Name","value":"toManager"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"packs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<HandOverMutation, HandOverMutationVariables>;
export const PeopleSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PeopleSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"people"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PeopleSearchQuery, PeopleSearchQueryVariables>;
export const HandoverDraftsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HandoverDrafts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handoverDraft"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"risks"}},{"kind":"Field","name":{"kind":"Name","value":"stakeholderPriorities"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HandoverDraftsQuery, HandoverDraftsQueryVariables>;