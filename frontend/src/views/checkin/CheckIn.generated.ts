/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from '../../api/schema';

import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** A check-in to record. */
export type RecordCheckInInput = {
  /** What capability are you building? */
  capabilityBuilding?: string | null | undefined;
  /** When it was held; today when left out. */
  heldOn?: string | null | undefined;
  /** MONTHLY or QUARTERLY. */
  kind: CheckInKind;
  /** A note. */
  note?: string | null | undefined;
  /** Whether the note is visible only to you. */
  notePrivate?: boolean | null | undefined;
  /** The change in output observed. */
  observedChange?: ObservedChange | null | undefined;
  /** What has improved in your output? */
  outputImproved?: string | null | undefined;
  /** The plan. */
  planId: string;
  /** What real work is building it? */
  realWork?: string | null | undefined;
  /** The plan's status after the check-in. */
  statusAfter: PlanStatus;
  /** Why; required for BLOCKED and NEEDS_RESET. */
  statusReason?: string | null | undefined;
  /** What is still hard? */
  stillHard?: string | null | undefined;
  /** What support do you need? */
  supportNeeded?: string | null | undefined;
  /** The plan's version as last read. */
  version: number;
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

export type CheckInViewQueryVariables = Exact<{
  personId: string;
  first: number;
  cycle?: string | null | undefined;
}>;


export type CheckInViewQuery = { reviewRhythm: { reviewWindowDays: number, reviewLeadDays: number }, node:
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
    | { __typename: 'Person', name: string, id: string, plan: { id: string, version: number, status: Types.PlanStatus, statusReason: string, nextCheckInDue: string, checkInOverdue: boolean, quarterlyReviewDue: string, quarterlyReviewHeld: boolean, quarterlyReviewOverdue: boolean, cycle: { id: string, name: string }, checkIns: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: Types.CheckInKind, heldOn: string, capabilityBuilding: string, realWork: string, stillHard: string, supportNeeded: string, outputImproved: string, observedChange: Types.ObservedChange | null, statusAfter: Types.PlanStatus, statusReason: string, note: string | null, notePrivate: boolean, author: { id: string, name: string } | null }> } } | null }
    | { __typename: 'ProgressUpdate', id: string }
    | { __typename: 'Team', id: string }
    | { __typename: 'Token', id: string }
   | null };

export type MoreCheckInsQueryVariables = Exact<{
  planId: string;
  first: number;
  after: string;
}>;


export type MoreCheckInsQuery = { node:
    | { __typename: 'Assessment', id: string }
    | { __typename: 'AuditEntry', id: string }
    | { __typename: 'Capability', id: string }
    | { __typename: 'CapabilityRequirement', id: string }
    | { __typename: 'CheckIn', id: string }
    | { __typename: 'Cycle', id: string }
    | { __typename: 'DevelopmentAction', id: string }
    | { __typename: 'DevelopmentGoal', id: string }
    | { __typename: 'DevelopmentPlan', id: string, checkIns: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: Types.CheckInKind, heldOn: string, capabilityBuilding: string, realWork: string, stillHard: string, supportNeeded: string, outputImproved: string, observedChange: Types.ObservedChange | null, statusAfter: Types.PlanStatus, statusReason: string, note: string | null, notePrivate: boolean, author: { id: string, name: string } | null }> } }
    | { __typename: 'Handover', id: string }
    | { __typename: 'HandoverPack', id: string }
    | { __typename: 'KeyResult', id: string }
    | { __typename: 'Objective', id: string }
    | { __typename: 'Person', id: string }
    | { __typename: 'ProgressUpdate', id: string }
    | { __typename: 'Team', id: string }
    | { __typename: 'Token', id: string }
   | null };

export type CheckInPageFragment = { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: Types.CheckInKind, heldOn: string, capabilityBuilding: string, realWork: string, stillHard: string, supportNeeded: string, outputImproved: string, observedChange: Types.ObservedChange | null, statusAfter: Types.PlanStatus, statusReason: string, note: string | null, notePrivate: boolean, author: { id: string, name: string } | null }> };

export type CheckInEntryFragment = { id: string, kind: Types.CheckInKind, heldOn: string, capabilityBuilding: string, realWork: string, stillHard: string, supportNeeded: string, outputImproved: string, observedChange: Types.ObservedChange | null, statusAfter: Types.PlanStatus, statusReason: string, note: string | null, notePrivate: boolean, author: { id: string, name: string } | null };

export type RecordCheckInMutationVariables = Exact<{
  input: Types.RecordCheckInInput;
}>;


export type RecordCheckInMutation = { recordCheckIn: { checkIn: { id: string } | null, userErrors: Array<{ field: Array<string>, message: string, code: Types.UserErrorCode }> } };

export const CheckInEntryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckInEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CheckIn"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"heldOn"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilityBuilding"}},{"kind":"Field","name":{"kind":"Name","value":"realWork"}},{"kind":"Field","name":{"kind":"Name","value":"stillHard"}},{"kind":"Field","name":{"kind":"Name","value":"supportNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"outputImproved"}},{"kind":"Field","name":{"kind":"Name","value":"observedChange"}},{"kind":"Field","name":{"kind":"Name","value":"statusAfter"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"notePrivate"}}]}}]} as unknown as DocumentNode<CheckInEntryFragment, unknown>;
export const CheckInPageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckInPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CheckInConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckInEntry"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckInEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CheckIn"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"heldOn"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilityBuilding"}},{"kind":"Field","name":{"kind":"Name","value":"realWork"}},{"kind":"Field","name":{"kind":"Name","value":"stillHard"}},{"kind":"Field","name":{"kind":"Name","value":"supportNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"outputImproved"}},{"kind":"Field","name":{"kind":"Name","value":"observedChange"}},{"kind":"Field","name":{"kind":"Name","value":"statusAfter"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"notePrivate"}}]}}]} as unknown as DocumentNode<CheckInPageFragment, unknown>;
export const CheckInViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckInView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cycle"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewRhythm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewWindowDays"}},{"kind":"Field","name":{"kind":"Name","value":"reviewLeadDays"}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cycle"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cycle"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"cycle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckInDue"}},{"kind":"Field","name":{"kind":"Name","value":"checkInOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewDue"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewHeld"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"checkIns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckInPage"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckInEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CheckIn"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"heldOn"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilityBuilding"}},{"kind":"Field","name":{"kind":"Name","value":"realWork"}},{"kind":"Field","name":{"kind":"Name","value":"stillHard"}},{"kind":"Field","name":{"kind":"Name","value":"supportNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"outputImproved"}},{"kind":"Field","name":{"kind":"Name","value":"observedChange"}},{"kind":"Field","name":{"kind":"Name","value":"statusAfter"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"notePrivate"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckInPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CheckInConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckInEntry"}}]}}]}}]} as unknown as DocumentNode<CheckInViewQuery, CheckInViewQueryVariables>;
export const MoreCheckInsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MoreCheckIns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"planId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"planId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DevelopmentPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkIns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckInPage"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckInEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CheckIn"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"heldOn"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilityBuilding"}},{"kind":"Field","name":{"kind":"Name","value":"realWork"}},{"kind":"Field","name":{"kind":"Name","value":"stillHard"}},{"kind":"Field","name":{"kind":"Name","value":"supportNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"outputImproved"}},{"kind":"Field","name":{"kind":"Name","value":"observedChange"}},{"kind":"Field","name":{"kind":"Name","value":"statusAfter"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"notePrivate"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckInPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CheckInConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckInEntry"}}]}}]}}]} as unknown as DocumentNode<MoreCheckInsQuery, MoreCheckInsQueryVariables>;
export const RecordCheckInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordCheckIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordCheckInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordCheckIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkIn"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RecordCheckInMutation, RecordCheckInMutationVariables>;