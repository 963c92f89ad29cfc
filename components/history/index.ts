/** The history page: revisions and the diff between two of them. */
export { HistoryView, RevisionList, RevisionCompareForm, RevisionDiff, type HistoryViewProps, type RevisionListProps, type RevisionCompareFormProps, type RevisionDiffProps } from "./history-view";
export { selectRevisions, diffRevisions, formatRevisionTime, type RevisionSummary, type RevisionSelection } from "./revisions";
