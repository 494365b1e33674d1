// The meeting as data: steps from the plan and the answers so far, a pure reducer, the
// clock of each section, the minutes, and the run loop. Nothing here prompts, reads the
// clock or touches the disk: time comes in as ISO text.
export { answer, answerFor, coerce, confidedFor } from './answer.js';
export { sectionStatus, type SectionStatus } from './clock.js';
export { newDraft, type Draft, type Value } from './draft.js';
export { rollChanges, toMinutes, type MeetingFile, type RollChanges } from './minutes.js';
export { splitRequests } from './requests.js';
export { BACK, Confided, rehearse, runMeeting, skipRest, SKIP_REST, type Progress, type Prompter, type ReviewEntry } from './run.js';
export type { MeetingPlan, Step } from './step.js';
export { pendingStep, steps, withAgreements } from './steps.js';
