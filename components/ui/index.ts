/**
 * The one set of UI primitives (CONTRIBUTING.md, "Code"): import from "@/components/ui" in client components.
 * A server component (a page, a layout) imports the file it needs ("@/components/ui/badge"): through this index
 * every client primitive here (the tabs with Radix, the windowed list) would ship in its first-load JavaScript.
 */
export { cn } from "./cn";
export { Button, buttonClass, type ButtonVariant } from "./button";
export { Input, controlClass } from "./input";
export { Textarea } from "./textarea";
export { Select } from "./select";
export { Checkbox } from "./checkbox";
export { Label } from "./label";
export { Field, FieldNotes, fieldIds, type FieldProps } from "./field";
export { Card } from "./card";
export { Badge, type BadgeTone } from "./badge";
export { Tabs, TabsList, TabsTrigger, TabsContent } from "./tabs";
export { DataTable } from "./data-table";
export { FormMessage } from "./form-message";
export { WindowedList, visibleRange, WINDOW_THRESHOLD } from "./windowed-list";
export { lazyResolver } from "./lazy-resolver";
