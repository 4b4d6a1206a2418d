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

/** Whether a goal is still being worked on. */
export type GoalState =
  /** Reached. */
  | 'ACHIEVED'
  /** Being worked on. */
  | 'ACTIVE'
  /** Given up or replaced. */
  | 'DROPPED';

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

/** How a supporter helps. */
export type SupporterRole =
  /** A coach. */
  | 'COACH'
  /** The person's manager. */
  | 'MANAGER'
  /** A mentor. */
  | 'MENTOR';

export type PersonChainQueryVariables = Exact<{
  personId: string;
  cycle?: string | null | undefined;
}>;


export type PersonChainQuery = { chain: { person: { id: string, name: string, title: string }, cycle: { name: string, startsOn: string, endsOn: string }, plan: { id: string, status: Types.PlanStatus, statusReason: string } | null, goals: Array<{ goal: { id: string, title: string, lane: Types.Lane, state: Types.GoalState, changeInWork: string, targetLevel: number | null, horizon: string, capability: { id: string, name: string } | null, keyResult: { id: string, title: string, progress: number, done: boolean, critical: boolean, confidence: number | null } | null, gap: { required: number, current: number } | null }, requirement: { id: string, level: number, reason: string, capability: { id: string, name: string } } | null, pathsUp: Array<{ reachesCompanyObjective: boolean, steps: Array<
          | { __typename: 'KeyResult', id: string, title: string, progress: number, done: boolean, critical: boolean, confidence: number | null }
          | { __typename: 'Objective', id: string, title: string, level: Types.ObjectiveLevel, progress: number }
        > }>, actions: Array<{ id: string, kind: Types.ActionKind, title: string, dueOn: string | null, doneOn: string | null, overdue: boolean, outcome: string, supporterRole: Types.SupporterRole | null, supporter: { name: string } | null }>, latestCheckIns: Array<{ id: string, kind: Types.CheckInKind, heldOn: string, statusAfter: Types.PlanStatus, statusReason: string, observedChange: Types.ObservedChange | null }> }> } | null, cycles: { nodes: Array<{ id: string, name: string }> } };

export type ChainKeyResultFragment = { id: string, title: string, progress: number, done: boolean, critical: boolean, confidence: number | null };

export const ChainKeyResultFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChainKeyResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KeyResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"critical"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}}]}}]} as unknown as DocumentNode<ChainKeyResultFragment, unknown>;
export const PersonChainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonChain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cycle"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"personId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personId"}}},{"kind":"Argument","name":{"kind":"Name","value":"cycle"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cycle"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cycle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"goals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"goal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"lane"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"changeInWork"}},{"kind":"Field","name":{"kind":"Name","value":"targetLevel"}},{"kind":"Field","name":{"kind":"Name","value":"horizon"}},{"kind":"Field","name":{"kind":"Name","value":"capability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keyResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChainKeyResult"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"requirement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"capability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pathsUp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reachesCompanyObjective"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KeyResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChainKeyResult"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Objective"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"doneOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"supporterRole"}},{"kind":"Field","name":{"kind":"Name","value":"supporter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestCheckIns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"heldOn"}},{"kind":"Field","name":{"kind":"Name","value":"statusAfter"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"observedChange"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cycles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChainKeyResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KeyResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"critical"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}}]}}]} as unknown as DocumentNode<PersonChainQuery, PersonChainQueryVariables>;