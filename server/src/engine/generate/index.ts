// The engine behind the editor's commands: pure functions from documents to text and edits.
// The VS Code client and the language server call them; nothing here touches files or an editor.
export { newMeetingNotes, latestMeetingNote, type MeetingNoteSource, type NewMeetingNotesOptions, type NewMeetingNote } from './meetingNotes';
export { newDueDiligence, ddTemplatePath, ddSkeleton, type NewDueDiligenceOptions, type DdLevel } from './dueDiligence';
export { exportOpenItems, type ExportOpenItemsOptions } from './exportOpenItems';
export { toggleCriterion } from './toggleCriterion';
export { openCriterionNear, type OpenCriterionTarget } from './openCriterion';
export { todoBlock } from './todoBlock';
export { knownOwners, type KnownOwner } from './knownOwners';
export { progressReport, statusBarText, openRequiredCriteria, type OpenCriterion } from './progressReport';
