/** The one set of UI primitives (CONTRIBUTING.md, "Code"): import from "@/components/ui". */
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
