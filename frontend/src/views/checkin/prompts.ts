// The five coaching prompts every check-in answers, worded as the design
// asks them, in the order a 1:1 goes through them.
export const prompts = [
  { field: 'capabilityBuilding', question: 'What capability are you building?' },
  { field: 'realWork', question: 'What real work is building it?' },
  { field: 'stillHard', question: 'What is still hard?' },
  { field: 'supportNeeded', question: 'What support do you need?' },
  { field: 'outputImproved', question: 'What has improved in your output?' },
] as const;

export type PromptField = (typeof prompts)[number]['field'];
