import { EXPORTERS, EXPORT_FORMAT_INFO } from "../formats";
import { renderTerraformModuleFolder } from "../formats/terraform/module-folder";
import type { ExportResult } from "../formats/types";
import type { PoolDocument } from "../spec/document-schema";
import { MODULE_FOLDER_TITLE, PUBLISH_FORMATS, type PublishFormat } from "./publish-formats";

/** The files a publish commits in `format`. Never throws (the renderers do not). */
export function renderForPublish(doc: PoolDocument, format: PublishFormat): ExportResult {
  return format === "terraform-module-folder" ? renderTerraformModuleFolder(doc) : EXPORTERS[format](doc);
}

/** The formats with their titles, for a menu. */
export function publishFormatChoices(): { value: PublishFormat; title: string }[] {
  return PUBLISH_FORMATS.map((value) => ({ value, title: value === "terraform-module-folder" ? MODULE_FOLDER_TITLE : EXPORT_FORMAT_INFO[value].title }));
}
