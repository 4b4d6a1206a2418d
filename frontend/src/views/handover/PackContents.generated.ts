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

export type PackContentsFieldsFragment = { cycle: string | null, status: Types.PlanStatus | null, statusReason: string, executionGoals: Array<{ title: string, changeInWork: string, capability: string | null, keyResult: string | null, gap: number | null, horizon: string }>, careerGoals: Array<{ title: string, changeInWork: string, capability: string | null, keyResult: string | null, gap: number | null, horizon: string }>, openActions: Array<{ goal: string, kind: Types.ActionKind, title: string, supporter: string | null, dueOn: string | null, overdue: boolean }>, recentCheckIns: Array<{ kind: Types.CheckInKind, heldOn: string, stillHard: string, supportNeeded: string, observedChange: Types.ObservedChange | null, statusAfter: Types.PlanStatus, note: string | null }>, keyDeliverables: Array<{ title: string, objective: string, progress: number, critical: boolean }>, warnings: Array<{ code: Types.WarningCode, message: string }> };

export type HandoverGoalFieldsFragment = { title: string, changeInWork: string, capability: string | null, keyResult: string | null, gap: number | null, horizon: string };

export const HandoverGoalFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HandoverGoalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HandoverGoal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"changeInWork"}},{"kind":"Field","name":{"kind":"Name","value":"capability"}},{"kind":"Field","name":{"kind":"Name","value":"keyResult"}},{"kind":"Field","name":{"kind":"Name","value":"gap"}},{"kind":"Field","name":{"kind":"Name","value":"horizon"}}]}}]} as unknown as DocumentNode<HandoverGoalFieldsFragment, unknown>;
export const PackContentsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PackContentsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HandoverContents"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cycle"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"executionGoals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HandoverGoalFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"careerGoals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HandoverGoalFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"goal"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"supporter"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recentCheckIns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"heldOn"}},{"kind":"Field","name":{"kind":"Name","value":"stillHard"}},{"kind":"Field","name":{"kind":"Name","value":"supportNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"observedChange"}},{"kind":"Field","name":{"kind":"Name","value":"statusAfter"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"keyDeliverables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"objective"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"critical"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HandoverGoalFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HandoverGoal"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"changeInWork"}},{"kind":"Field","name":{"kind":"Name","value":"capability"}},{"kind":"Field","name":{"kind":"Name","value":"keyResult"}},{"kind":"Field","name":{"kind":"Name","value":"gap"}},{"kind":"Field","name":{"kind":"Name","value":"horizon"}}]}}]} as unknown as DocumentNode<PackContentsFieldsFragment, unknown>;