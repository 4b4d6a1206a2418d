/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type * as Types from '../../api/schema';

import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

export type MyTeamQueryVariables = Exact<{
  manager: boolean;
}>;


export type MyTeamQuery = { viewer: { roles: Array<Types.Role>, person: { id: string, name: string, reports: { totalCount: number, nodes: Array<{ id: string, name: string, title: string, reports: { totalCount: number }, plan: { id: string, status: Types.PlanStatus, statusReason: string, nextCheckInDue: string, checkInOverdue: boolean, quarterlyReviewDue: string, quarterlyReviewOverdue: boolean, quarterlyReviewHeld: boolean, warnings: Array<{ code: Types.WarningCode, message: string }> } | null }> } } | null }, dueCheckIns?: { totalCount: number, nodes: Array<{ direct: boolean, nextCheckInDue: string | null, checkInOverdue: boolean, quarterlyReviewDue: string | null, quarterlyReviewOverdue: boolean, person: { id: string, name: string, title: string, reports: { totalCount: number }, plan: { id: string, status: Types.PlanStatus, statusReason: string, nextCheckInDue: string, checkInOverdue: boolean, quarterlyReviewDue: string, quarterlyReviewOverdue: boolean, quarterlyReviewHeld: boolean, warnings: Array<{ code: Types.WarningCode, message: string }> } | null } }> } };

export type ReportsOfQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type ReportsOfQuery = { nodes: Array<
    | { id: string, name: string, reports: { totalCount: number, nodes: Array<{ id: string, name: string, title: string, reports: { totalCount: number }, plan: { id: string, status: Types.PlanStatus, statusReason: string, nextCheckInDue: string, checkInOverdue: boolean, quarterlyReviewDue: string, quarterlyReviewOverdue: boolean, quarterlyReviewHeld: boolean, warnings: Array<{ code: Types.WarningCode, message: string }> } | null }> } }
    | Record<PropertyKey, never>
   | null> };

export type TeamMemberFragment = { id: string, name: string, title: string, reports: { totalCount: number }, plan: { id: string, status: Types.PlanStatus, statusReason: string, nextCheckInDue: string, checkInOverdue: boolean, quarterlyReviewDue: string, quarterlyReviewOverdue: boolean, quarterlyReviewHeld: boolean, warnings: Array<{ code: Types.WarningCode, message: string }> } | null };

export const TeamMemberFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamMember"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckInDue"}},{"kind":"Field","name":{"kind":"Name","value":"checkInOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewDue"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewHeld"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<TeamMemberFragment, unknown>;
export const MyTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"manager"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamMember"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dueCheckIns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeIndirect"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"withinDays"},"value":{"kind":"IntValue","value":"366"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"manager"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"direct"}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckInDue"}},{"kind":"Field","name":{"kind":"Name","value":"checkInOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewDue"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamMember"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamMember"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckInDue"}},{"kind":"Field","name":{"kind":"Name","value":"checkInOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewDue"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewHeld"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<MyTeamQuery, MyTeamQueryVariables>;
export const ReportsOfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportsOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamMember"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamMember"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Person"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckInDue"}},{"kind":"Field","name":{"kind":"Name","value":"checkInOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewDue"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"quarterlyReviewHeld"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ReportsOfQuery, ReportsOfQueryVariables>;