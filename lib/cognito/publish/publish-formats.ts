/**
 * What a publish can write: every export format, and the Terraform module folder (main.tf, variables.tf,
 * outputs.tf, versions.tf: the Export page's download), the default, a folder a team calls as a module. Plain
 * data, so forms load it without the renderers.
 */
import { EXPORT_FORMATS } from "../formats/types";

export const PUBLISH_FORMATS = ["terraform-module-folder", ...EXPORT_FORMATS] as const;
export type PublishFormat = (typeof PUBLISH_FORMATS)[number];
export const DEFAULT_PUBLISH_FORMAT: PublishFormat = "terraform-module-folder";
export const MODULE_FOLDER_TITLE = "Terraform module folder (main.tf, variables.tf, outputs.tf, versions.tf)";
