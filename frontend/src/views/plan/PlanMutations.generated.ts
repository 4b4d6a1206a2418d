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

/** A new action for a goal. */
export type AddDevelopmentActionInput = {
  /** When it is due. */
  dueOn?: string | null | undefined;
  /** The goal. */
  goalId: string;
  /** How it develops the person. */
  kind: ActionKind;
  /** Who supports it (a Person ID). */
  supporterId?: string | null | undefined;
  /** How they help. */
  supporterRole?: SupporterRole | null | undefined;
  /** What to do. */
  title: string;
  /** The plan's version as last read. */
  version: number;
};

/** A new goal in a plan. */
export type AddDevelopmentGoalInput = {
  /** The capability it builds; required for EXECUTION. */
  capabilityId?: string | null | undefined;
  /** What will be different in the person's work. */
  changeInWork?: string | null | undefined;
  /** For CAREER goals: how far ahead it looks. */
  horizon?: string | null | undefined;
  /** The key result it serves; required for EXECUTION. */
  keyResultId?: string | null | undefined;
  /** EXECUTION or CAREER. */
  lane: Lane;
  /** The plan. */
  planId: string;
  /** The level to aim for. */
  targetLevel?: number | null | undefined;
  /** The goal. */
  title: string;
  /** The plan's version as last read. */
  version: number;
};

/** A new plan for a person and a cycle. */
export type CreateDevelopmentPlanInput = {
  /** The cycle's name; each person has one plan per cycle. */
  cycle: string;
  /** Whose plan (a Person ID). */
  personId: string;
};

/** The two lanes of a plan. */
export type Lane =
  /** Medium-term progression toward a horizon; need not serve a key result. */
  | 'CAREER'
  /** This cycle's work: serves a key result by building a capability. At most two per plan. */
  | 'EXECUTION';

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

/** A change of a plan's status. */
export type SetPlanStatusInput = {
  /** The plan. */
  planId: string;
  /** Why; required for BLOCKED and NEEDS_RESET. */
  reason?: string | null | undefined;
  /** The new status. */
  status: PlanStatus;
  /** The plan's version as last read. */
  version: number;
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
  doneOn?: string | null | undefined;
  /** A new due date. */
  dueOn?: string | null | undefined;
  /** The action. */
  id: string;
  /** What came of it. */
  outcome?: string | null | undefined;
  /** Reopens a done action. */
  reopen?: boolean | null | undefined;
  /** A new supporter (a Person ID). */
  supporterId?: string | null | undefined;
  /** How they help. */
  supporterRole?: SupporterRole | null | undefined;
  /** A new title. */
  title?: string | null | undefined;
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

export type CreatePlanMutationVariables = Exact<{
  input: Types.CreateDevelopmentPlanInput;
}>;


export type CreatePlanMutation = { createDevelopmentPlan: { plan: { id: string } | null, userErrors: Array<{ field: Array<string>, message: string, code: Types.UserErrorCode }> } };

export type SetPlanStatusMutationVariables = Exact<{
  input: Types.SetPlanStatusInput;
}>;


export type SetPlanStatusMutation = { setPlanStatus: { plan: { id: string, status: Types.PlanStatus, statusReason: string, version: number } | null, userErrors: Array<{ field: Array<string>, message: string, code: Types.UserErrorCode }> } };

export type AddGoalMutationVariables = Exact<{
  input: Types.AddDevelopmentGoalInput;
}>;


export type AddGoalMutation = { addDevelopmentGoal: { goal: { id: string } | null, userErrors: Array<{ field: Array<string>, message: string, code: Types.UserErrorCode }> } };

export type AddActionMutationVariables = Exact<{
  input: Types.AddDevelopmentActionInput;
}>;


export type AddActionMutation = { addDevelopmentAction: { action: { id: string } | null, userErrors: Array<{ field: Array<string>, message: string, code: Types.UserErrorCode }> } };

export type UpdateActionMutationVariables = Exact<{
  input: Types.UpdateDevelopmentActionInput;
}>;


export type UpdateActionMutation = { updateDevelopmentAction: { action: { id: string, doneOn: string | null, outcome: string } | null, userErrors: Array<{ field: Array<string>, message: string, code: Types.UserErrorCode }> } };


export const CreatePlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateDevelopmentPlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDevelopmentPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CreatePlanMutation, CreatePlanMutationVariables>;
export const SetPlanStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPlanStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetPlanStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPlanStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<SetPlanStatusMutation, SetPlanStatusMutationVariables>;
export const AddGoalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddGoal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddDevelopmentGoalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addDevelopmentGoal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"goal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<AddGoalMutation, AddGoalMutationVariables>;
export const AddActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddDevelopmentActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addDevelopmentAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<AddActionMutation, AddActionMutationVariables>;
export const UpdateActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateDevelopmentActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateDevelopmentAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"doneOn"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateActionMutation, UpdateActionMutationVariables>;