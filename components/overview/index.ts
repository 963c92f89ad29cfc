/** The pool overview picture: a pure layout and its SVG rendering. */
export { PoolOverview, type PoolOverviewProps } from "./pool-overview";
export { PoolSettingsList } from "./pool-settings-list";
export { summarizePoolSettings, type SettingsRow } from "./settings-summary";
export {
  layoutOverview,
  callbackHost,
  fitText,
  STANDARD_SCOPES,
  OVERVIEW_COLUMNS,
  type OverviewLayout,
  type OverviewNode,
  type OverviewNodeKind,
  type OverviewEdge,
  type OverviewEdgeKind,
  type OverviewHeading,
} from "./layout";
