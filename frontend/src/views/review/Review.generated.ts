/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from '../../api/schema';

import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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
  goalId: string;
  /** For CARRY_OVER: the key result of the new cycle it will serve. */
  keyResultId?: string | null | undefined;
};

/** Whether a goal is still being worked on. */
export type GoalState =
  /** Reached. */
  | 'ACHIEVED'
  /** Being worked on. */
  | 'ACTIVE'
  /** Given up or replaced. */
  | 'DROPPED';

/** A quarterly review that resets a plan against a new cycle's key results. */
export type HoldQuarterlyReviewInput = {
  /** What capability are you building? */
  capabilityBuilding?: string | null | undefined;
  /** The new cycle's name. */
  cycle: string;
  /** One decision per active execution goal of the plan. */
  decisions: Array<GoalDecisionInput>;
  /** When it was held; today when left out. */
  heldOn?: string | null | undefined;
  /** A note. */
  note?: string | null | undefined;
  /** Whether the note is visible only to you. */
  notePrivate?: boolean | null | undefined;
  /** The change in output observed over the cycle. */
  observedChange?: ObservedChange | null | undefined;
  /** What has improved in your output? */
  outputImproved?: string | null | undefined;
  /** The person's plan of the cycle that ends. */
  planId: string;
  /** What real work is building it? */
  realWork?: string | null | undefined;
  /** What is still hard? */
  stillHard?: string | null | undefined;
  /** What support do you need? */
  supportNeeded?: string | null | undefined;
  /** The plan's version as last read. */
  version: number;
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

export type ReviewStartQueryVariables = Exact<{
  personId: string;
}>;


export type ReviewStartQuery = { reviewRhythm: { reviewLeadDays: number }, cycles: { nodes: Array<{ id: string, name: string, startsOn: string, endsOn: string }> }, node:
    | { __typename: 'Assessment', id: string }
    | { __typename: 'AuditEntry', id: string }
    | { __typename: 'Capability', id: string }
    | { __typename: 'CapabilityRequirement', id: string }
    | { __typename: 'CheckIn', id: string }
    | { __typename: 'Cycle', id: string }
    | { __typename: 'DevelopmentAction', id: string }
    | { __typename: 'DevelopmentGoal', id: string }
    | { __typename: 'DevelopmentPlan', id: string }
    | { __typename: 'Handover', id: string }
    | { __typename: 'HandoverPack', id: string }
    | { __typename: 'KeyResult', id: string }
    | { __typename: 'Objective', id: string }
    | { __typename: 'Person', name: string, id: string, plan: { id: string, status: Types.PlanStatus, quarterlyReviewHeld: boolean, cycle: { id: string, name: string, startsOn: string } } | null }
    | { __typename: 'ProgressUpdate', id: string }
    | { __typename: 'Team', id: string }
    | { __typename: 'Token', id: string }
   | null };

export type QuarterlyReviewQueryVariables = Exact<{
  personId: string;
  from: string;
  into: string;
}>;


export type QuarterlyReviewQuery = { node:
    | { __typename: 'Assessment', id: string }
    | { __typename: 'AuditEntry', id: string }
    | { __typename: 'Capability', id: string }
    | { __typename: 'CapabilityRequirement', id: string }
    | { __typename: 'CheckIn', id: string }
    | { __typename: 'Cycle', id: string }
    | { __typename: 'DevelopmentAction', id: string }
    | { __typename: 'DevelopmentGoal', id: string }
    | { __typename: 'DevelopmentPlan', id: string }
    | { __typename: 'Handover', id: string }
    | { __typename: 'HandoverPack', id: string }
    | { __typename: 'KeyResult', id: string }
    | { __typename: 'Objective', id: string }
    | { __typename: 'Person', name: string, id: string, earlier: { id: string, version: number, status: Types.PlanStatus, cycle: { id: string, name: string }, executionGoals: Array<{ id: string, title: string, changeInWork: string, state: Types.GoalState, targetLevel: number | null, keyResult: { id: string, title: string } | null, capability: { id: string, name: string } | null }>, careerGoals: Array<{ id: string, title: string, changeInWork: string, horizon: string, state: Types.GoalState }> } | null, later: { id: string, status: Types.PlanStatus, quarterlyReviewHeld: boolean, executionGoals: Array<{ id: string, state: Types.GoalState, carriedFrom: { id: string } | null }> } | null }
    | { __typename: 'ProgressUpdate', id: string }
    | { __typename: 'Team', id: string }
    | { __typename: 'Token', id: string }
   | null, keyResults: { totalCount: number, nodes: Array<{ id: string, title: string, critical: boolean, objective: { id: string, title: string, team: { id: string, name: string } | null } }> } };

export type ReviewedPlanFragment = { id: string, version: number, status: Types.PlanStatus, cycle: { id: string, name: string }, executionGoals: Array<{ id: string, title: string, changeInWork: string, state: Types.GoalState, targetLevel: number | null, keyResult: { id: string, title: string } | null, capability: { id: string, name: string } | null }>, careerGoals: Array<{ id: string, title: string, changeInWork: string, horizon: string, state: Types.GoalState }> };

export type NewCyclePlanFragment = { id: string, status: Types.PlanStatus, quarterlyReviewHeld: boolean, executionGoals: Array<{ id: string, state: Types.GoalState, carriedFrom: { id: string } | null }> };

export type KeyResultChoiceFragment = { id: string, title: string, critical: boolean, objective: { id: string, title: string, team: { id: string, name: string } | null } };

export type ReviewDuePlanQueryVariables = Exact<{
  personId: string;
  cycle: string;
}>;


export type ReviewDuePlanQuery = { node:
    | { __typename: 'Assessment', id: string }
    | { __typename: 'AuditEntry', id: string }
    | { __typename: 'Capability', id: string }
    | { __typename: 'CapabilityRequirement', id: string }
    | { __typename: 'CheckIn', id: string }
    | { __typename: 'Cycle', id: string }
    | { __typename: 'DevelopmentAction', id: string }
    | { __typename: 'DevelopmentGoal', id: string }
    | { __typename: 'DevelopmentPlan', id: string }
    | { __typename: 'Handover', id: string }
    | { __typename: 'HandoverPack', id: string }
    | { __typename: 'KeyResult', id: string }
    | { __typename: 'Objective', id: string }
    | { __typename: 'Person', id: string, plan: { id: string, status: Types.PlanStatus, quarterlyReviewHeld: boolean } | null }
    | { __typename: 'ProgressUpdate', id: string }
    | { __typename: 'Team', id: string }
    | { __typename: 'Token', id: string }
   | null };

export type HoldQuarterlyReviewMutationVariables = Exact<{
  input: Types.HoldQuarterlyReviewInput;
}>;


export type HoldQuarterlyReviewMutation = { holdQuarterlyReview: { plan: { id: string, status: Types.PlanStatus, version: number, cycle: { id: string, name: string } } | null, checkIn: { id: string } | null, userErrors: Array<{ field: Array<string>, message: string, code: Types.UserErrorCode }> } };

export const ReviewedPlanFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReviewedPlan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DevelopmentPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cycle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"executionGoals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"changeInWork"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"targetLevel"}},{"kind":"Field","name":{"kind":"Name","value":"keyResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"careerGoals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"changeInWork"}},{"kind":"Field","name":{"kind":"Name","value":"horizon"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<ReviewedPlanFragment, unknown>;
export const NewCyclePlanFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NewCyclePlan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DevelopmentPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewHeld"}},{"kind":"Field","name":{"kind":"Name","value":"executionGoals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"carriedFrom"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<NewCyclePlanFragment, unknown>;
export const KeyResultChoiceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KeyResultChoice"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KeyResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"critical"}},{"kind":"Field","name":{"kind":"Name","value":"objective"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<KeyResultChoiceFragment, unknown>;
export const ReviewStartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewStart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewRhythm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewLeadDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cycles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewHeld"}},{"kind":"Field","name":{"kind":"Name","value":"cycle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReviewStartQuery, ReviewStartQueryVariables>;
export const QuarterlyReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuarterlyReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"into"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","alias":{"kind":"Name","value":"earlier"},"name":{"kind":"Name","value":"plan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cycle"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReviewedPlan"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"later"},"name":{"kind":"Name","value":"plan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cycle"},"value":{"kind":"Variable","name":{"kind":"Name","value":"into"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NewCyclePlan"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"keyResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cycle"},"value":{"kind":"Variable","name":{"kind":"Name","value":"into"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KeyResultChoice"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReviewedPlan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DevelopmentPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cycle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"executionGoals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"changeInWork"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"targetLevel"}},{"kind":"Field","name":{"kind":"Name","value":"keyResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"careerGoals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"changeInWork"}},{"kind":"Field","name":{"kind":"Name","value":"horizon"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NewCyclePlan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DevelopmentPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewHeld"}},{"kind":"Field","name":{"kind":"Name","value":"executionGoals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"carriedFrom"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KeyResultChoice"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KeyResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"critical"}},{"kind":"Field","name":{"kind":"Name","value":"objective"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<QuarterlyReviewQuery, QuarterlyReviewQueryVariables>;
export const ReviewDuePlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewDuePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cycle"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cycle"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cycle"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewHeld"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReviewDuePlanQuery, ReviewDuePlanQueryVariables>;
export const HoldQuarterlyReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HoldQuarterlyReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HoldQuarterlyReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holdQuarterlyReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"cycle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<HoldQuarterlyReviewMutation, HoldQuarterlyReviewMutationVariables>;