"use client";
/**
 * Form controls bound to react-hook-form by field name. Each shows the field's label and help from
 * field-help.ts, and beside it: the zod error as you type (react-hook-form), otherwise the debounced
 * cross-field errors, plus findings as warnings — all tied to the control with aria-describedby.
 */
import { type ReactNode, useState } from "react";
import { Controller, type FieldError, get, useFieldArray, useFormContext, useFormState, useWatch } from "react-hook-form";
import { Button, Checkbox, Field, FieldNotes, Input, Select, Textarea, cn, fieldIds } from "@/components/ui";
import { useEditorContext } from "./editor-context";
import { messagesFor } from "./field-errors";
import { helpFor } from "./field-help";
import { UNSET_WORDS, labelForEnum } from "./enum-labels";

/** A stable, valid DOM id for a field name (`spec.clients.0.name` → `pe-spec-clients-0-name`). */
export function fieldId(name: string): string {
  return `pe-${name.replace(/[^A-Za-z0-9_-]/gu, "-")}`;
}

/** Every message in a react-hook-form error tree (a list field collects its items' errors). */
export function collectErrorMessages(error: unknown): string[] {
  if (!error || typeof error !== "object") return [];
  const e = error as Partial<FieldError> & Record<string, unknown>;
  if (typeof e.message === "string" && e.message !== "") return [e.message];
  return Object.entries(e)
    .filter(([key]) => key !== "ref" && key !== "type" && key !== "types")
    .flatMap(([, value]) => collectErrorMessages(value));
}

/** The errors and warnings a field shows. */
export function useFieldMessages(name: string): { errors: string[]; warnings: string[] } {
  const { errors } = useFormState({ name, exact: false });
  const { index } = useEditorContext();
  const own = collectErrorMessages(get(errors, name));
  const indexed = messagesFor(index, name);
  // The resolver's error is the freshest; the debounced index fills in for untouched fields and cross-field rules.
  return { errors: own.length > 0 ? own : indexed.errors, warnings: indexed.warnings };
}

interface BaseProps {
  name: string;
  /** Overrides the label from field-help.ts. */
  label?: ReactNode;
  className?: string;
}

function BoundField({ name, label, className, children }: BaseProps & { children: Parameters<typeof Field>[0]["children"] }) {
  const meta = helpFor(name);
  const { errors, warnings } = useFieldMessages(name);
  return (
    <Field id={fieldId(name)} label={label ?? meta.label} help={meta.help || undefined} error={errors} warning={warnings} className={className}>
      {children}
    </Field>
  );
}

export function TextField({ multiline, placeholder, ...props }: BaseProps & { multiline?: boolean; placeholder?: string }) {
  const { register } = useFormContext();
  const { readOnly } = useEditorContext();
  return (
    <BoundField {...props}>
      {(aria) =>
        multiline ? (
          <Textarea rows={3} {...aria} {...register(props.name)} readOnly={readOnly} placeholder={placeholder} />
        ) : (
          <Input {...aria} {...register(props.name)} readOnly={readOnly} placeholder={placeholder} autoComplete="off" />
        )
      }
    </BoundField>
  );
}

/** A number typed as text, so what the user typed stays visible with its error ("12a" is not lost). */
export function NumberField(props: BaseProps) {
  const { register } = useFormContext();
  const { readOnly } = useEditorContext();
  return <BoundField {...props}>{(aria) => <Input {...aria} {...register(props.name)} readOnly={readOnly} inputMode="numeric" autoComplete="off" />}</BoundField>;
}

export interface Option {
  value: string;
  label?: string;
}

const asOptions = (options: readonly (string | Option)[]): Option[] => options.map((o) => (typeof o === "string" ? { value: o } : o));

/** A choice; the first entry "Not set" keeps the field unmanaged (AWS default). */
export function SelectField({ options, unsetLabel = "Not set (AWS default)", ...props }: BaseProps & { options: readonly (string | Option)[]; unsetLabel?: string }) {
  const { register } = useFormContext();
  const { readOnly } = useEditorContext();
  return (
    <BoundField {...props}>
      {(aria) => (
        <Select {...aria} {...register(props.name)} disabled={readOnly}>
          <option value="">{unsetLabel}</option>
          {asOptions(options).map((o) => (
            <option key={o.value} value={o.value} title={o.value}>
              {o.label ?? labelForEnum(props.name, o.value)}
            </option>
          ))}
        </Select>
      )}
    </BoundField>
  );
}

/** Yes / No / Not set: a checkbox cannot say "not managed", and unset must stay unset. */
export function BooleanField({ yes = "Yes", no = "No", ...props }: BaseProps & { yes?: string; no?: string; unsetLabel?: string }) {
  return <SelectField {...props} options={[{ value: "true", label: yes }, { value: "false", label: no }]} />;
}

/** True when a form value holds a setting object: `{}` (AWS's defaults) or one with a field filled in. */
export function isPresentObject(value: unknown): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const values = Object.values(value);
  return values.length === 0 || values.some((v) => v !== undefined && v !== "");
}

/**
 * A setting that is on when its object is there (email MFA: `EmailMfaConfigType` has no switch of its own).
 * Turning it on fills `fill` in, so the texts sent are on the page; turning it off removes the object.
 */
export function PresenceField({ on = "On", off = "Off", fill, ...props }: BaseProps & { on?: string; off?: string; fill: Record<string, string> }) {
  const { setValue, getValues } = useFormContext();
  const { readOnly } = useEditorContext();
  const present = isPresentObject(useWatch({ name: props.name }));
  return (
    <BoundField {...props}>
      {(aria) => (
        <Select
          {...aria}
          value={present ? "on" : "off"}
          disabled={readOnly}
          onChange={(event) => {
            const current = (getValues(props.name) ?? {}) as Record<string, unknown>;
            const filled = Object.fromEntries(Object.entries(fill).map(([key, text]) => [key, typeof current[key] === "string" && current[key] !== "" ? current[key] : text]));
            setValue(props.name, event.target.value === "on" ? filled : undefined, { shouldDirty: true, shouldValidate: true });
          }}
        >
          <option value="off">{off}</option>
          <option value="on">{on}</option>
        </Select>
      )}
    </BoundField>
  );
}

/** A group's label, help and messages: a fieldset whose legend names it; the ids tie messages to the group. */
function GroupFrame({ name, label, className, children, actions }: BaseProps & { children: (describedBy: string | undefined) => ReactNode; actions?: ReactNode }) {
  const meta = helpFor(name);
  const { errors, warnings } = useFieldMessages(name);
  const id = fieldId(name);
  const ids = fieldIds(id, { help: Boolean(meta.help), error: errors.length > 0, warning: warnings.length > 0 });
  return (
    <fieldset className={cn("min-w-0 space-y-2", className)} aria-describedby={ids.describedBy} aria-invalid={errors.length > 0 || undefined}>
      <legend className="text-sm font-medium text-slate-900">{label ?? meta.label}</legend>
      {children(ids.describedBy)}
      {actions}
      <FieldNotes ids={ids} help={meta.help || undefined} errors={errors} warnings={warnings} />
    </fieldset>
  );
}

/** What a field drawn with a `Controller` needs: the form's control, whether the editor is read-only, the field's id. */
function useControlledField(name: string) {
  const { control } = useFormContext();
  const { readOnly } = useEditorContext();
  return { control, readOnly, id: fieldId(name) };
}

/**
 * A set of values chosen by checkboxes. `undefined` (not managed) and `[]` (explicitly none) are different
 * settings, so the group says which one it is and offers to return to "not set".
 */
export function CheckboxGroupField({ options, ...props }: BaseProps & { options: readonly (string | Option)[] }) {
  const { control, readOnly, id } = useControlledField(props.name);
  return (
    <Controller
      control={control}
      name={props.name}
      render={({ field }) => {
        const value = Array.isArray(field.value) ? (field.value as string[]) : undefined;
        const all = asOptions(options);
        for (const v of value ?? []) if (!all.some((o) => o.value === v)) all.push({ value: v });
        const toggle = (v: string, on: boolean) => {
          const current = value ?? [];
          field.onChange(on ? [...current, v] : current.filter((x) => x !== v));
        };
        return (
          <GroupFrame
            {...props}
            actions={
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                {(value === undefined || value.length === 0) && <span>{value === undefined ? UNSET_WORDS.notSet : UNSET_WORDS.none}</span>}
                {value !== undefined && !readOnly && (
                  <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => field.onChange(undefined)}>
                    {UNSET_WORDS.reset}
                  </Button>
                )}
              </div>
            }
          >
            {() => (
              <div className="flex flex-wrap gap-x-4 gap-y-2">
                {all.map((o, i) => (
                  <label key={o.value} htmlFor={`${id}-${i}`} className="inline-flex min-w-0 items-center gap-2 text-sm wrap-break-word">
                    <Checkbox
                      id={`${id}-${i}`}
                      checked={value?.includes(o.value) ?? false}
                      disabled={readOnly}
                      onChange={(e) => toggle(o.value, e.currentTarget.checked)}
                      onBlur={field.onBlur}
                    />
                    <span title={o.value}>{o.label ?? labelForEnum(props.name, o.value)}</span>
                  </label>
                ))}
              </div>
            )}
          </GroupFrame>
        );
      }}
    />
  );
}

/** How many unchosen scopes the picker lists at once; a search narrows the rest. */
export const SCOPE_PICKER_LIMIT = 50;

/** The options a search matches (case-insensitive, anywhere in the value), unchosen ones only, at most `limit`. */
export function matchingOptions(options: readonly string[], chosen: readonly string[], query: string, limit = SCOPE_PICKER_LIMIT): { shown: string[]; more: number } {
  const q = query.trim().toLowerCase();
  const taken = new Set(chosen);
  const all = options.filter((o) => !taken.has(o) && (q === "" || o.toLowerCase().includes(q)));
  return { shown: all.slice(0, limit), more: Math.max(0, all.length - limit) };
}

/**
 * A searchable multiple choice for long lists (OAuth scopes: a pool may offer thousands): the chosen values as
 * checked boxes first, a search box, and at most {@link SCOPE_PICKER_LIMIT} matching unchosen choices at a time.
 */
export function SearchableChoiceField({ options, ...props }: BaseProps & { options: readonly string[] }) {
  const { control, readOnly, id } = useControlledField(props.name);
  const [query, setQuery] = useState("");
  return (
    <Controller
      control={control}
      name={props.name}
      render={({ field }) => {
        const value = Array.isArray(field.value) ? (field.value as string[]) : undefined;
        const { shown, more } = matchingOptions(options, value ?? [], query);
        const set = (next: string[] | undefined) => field.onChange(next);
        return (
          <GroupFrame
            {...props}
            actions={
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <span>{value === undefined ? UNSET_WORDS.notSet : value.length === 0 ? UNSET_WORDS.none : `${value.length} chosen of ${options.length}.`}</span>
                {value !== undefined && !readOnly && (
                  <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => set(undefined)}>
                    {UNSET_WORDS.reset}
                  </Button>
                )}
              </div>
            }
          >
            {(describedBy) => (
              <div className="space-y-2">
                {value && value.length > 0 && (
                  <div className="flex flex-wrap gap-x-4 gap-y-2" role="group" aria-label="Chosen">
                    {value.map((v, i) => (
                      <label key={v} htmlFor={`${id}-chosen-${i}`} className="inline-flex min-w-0 items-center gap-2 text-sm font-medium wrap-break-word">
                        <Checkbox id={`${id}-chosen-${i}`} checked disabled={readOnly} onChange={() => set(value.filter((x) => x !== v))} onBlur={field.onBlur} />
                        <span title={v}>{labelForEnum(props.name, v)}</span>
                      </label>
                    ))}
                  </div>
                )}
                {!readOnly && (
                  <>
                    <label htmlFor={`${id}-search`} className="sr-only">
                      Search the choices
                    </label>
                    <Input id={`${id}-search`} type="search" value={query} placeholder={`Search ${options.length} choices`} aria-describedby={describedBy} autoComplete="off" onChange={(e) => setQuery(e.currentTarget.value)} />
                    <div className="flex flex-wrap gap-x-4 gap-y-2">
                      {shown.map((o, i) => (
                        <label key={o} htmlFor={`${id}-${i}`} className="inline-flex min-w-0 items-center gap-2 text-sm wrap-break-word">
                          <Checkbox id={`${id}-${i}`} checked={false} onChange={() => set([...(value ?? []), o])} onBlur={field.onBlur} />
                          <span title={o}>{labelForEnum(props.name, o)}</span>
                        </label>
                      ))}
                      {shown.length === 0 && <span className="text-sm text-slate-600">No other choice matches.</span>}
                    </div>
                    {more > 0 && <p className="text-xs text-slate-600">{more} more: type to narrow the list.</p>}
                  </>
                )}
              </div>
            )}
          </GroupFrame>
        );
      }}
    />
  );
}

/** A label inside a sentence: "Callback URL" → "callback URL" (acronyms keep their capitals; "url" read as a typo). */
export function inSentence(label: string): string {
  return label.replace(/^\p{Lu}(?=\p{Ll}*(?:[\s-]|$))/u, (first) => first.toLowerCase());
}

/** A list of text values (URLs, attribute names), one input per item. */
export function StringListField({ itemLabel, placeholder, ...props }: BaseProps & { itemLabel: string; placeholder?: string }) {
  const { control, readOnly, id } = useControlledField(props.name);
  return (
    <Controller
      control={control}
      name={props.name}
      render={({ field, formState }) => {
        const items = Array.isArray(field.value) ? (field.value as string[]) : undefined;
        const set = (next: string[] | undefined) => field.onChange(next);
        return (
          <GroupFrame
            {...props}
            actions={
              readOnly ? null : (
                <div className="flex flex-wrap items-center gap-2">
                  <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => set([...(items ?? []), ""])}>
                    Add {inSentence(itemLabel)}
                  </Button>
                  {items !== undefined && (
                    <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => set(undefined)}>
                      {UNSET_WORDS.reset}
                    </Button>
                  )}
                  <span className="text-xs text-slate-600">{items === undefined ? UNSET_WORDS.notSet : items.length === 0 ? UNSET_WORDS.none : null}</span>
                </div>
              )
            }
          >
            {(describedBy) => (
              <ul className="space-y-2">
                {(items ?? []).map((item, i) => {
                  const itemError = collectErrorMessages(get(formState.errors, `${props.name}.${i}`));
                  return (
                    <li key={i} className="flex items-center gap-2">
                      <label htmlFor={`${id}-${i}`} className="sr-only">
                        {itemLabel} {i + 1}
                      </label>
                      <Input
                        id={`${id}-${i}`}
                        value={item}
                        readOnly={readOnly}
                        placeholder={placeholder}
                        autoComplete="off"
                        aria-describedby={describedBy}
                        aria-invalid={itemError.length > 0 || undefined}
                        onChange={(e) => set((items ?? []).map((x, j) => (j === i ? e.currentTarget.value : x)))}
                        onBlur={field.onBlur}
                      />
                      {!readOnly && (
                        <Button variant="ghost" className="shrink-0 px-2 py-1 text-xs" aria-label={`Remove ${itemLabel.toLowerCase()} ${i + 1}`} onClick={() => set((items ?? []).filter((_, j) => j !== i))}>
                          Remove
                        </Button>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </GroupFrame>
        );
      }}
    />
  );
}

/** Key/value rows for tags and labels. */
export function KeyValueField({ noun, ...props }: BaseProps & { noun: string }) {
  const { control, register } = useFormContext();
  const { readOnly } = useEditorContext();
  const { fields, append, remove } = useFieldArray({ control, name: props.name });
  const id = fieldId(props.name);
  return (
    <GroupFrame
      {...props}
      actions={
        readOnly ? null : (
          <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => append({ key: "", value: "" })}>
            Add {noun}
          </Button>
        )
      }
    >
      {(describedBy) => (
        <ul className="space-y-2">
          {fields.map((row, i) => (
            <li key={row.id} className="grid grid-cols-[1fr_1fr_auto] items-center gap-2">
              <label htmlFor={`${id}-${i}-key`} className="sr-only">
                {noun} {i + 1} key
              </label>
              <Input id={`${id}-${i}-key`} placeholder="key" readOnly={readOnly} aria-describedby={describedBy} {...register(`${props.name}.${i}.key`)} />
              <label htmlFor={`${id}-${i}-value`} className="sr-only">
                {noun} {i + 1} value
              </label>
              <Input id={`${id}-${i}-value`} placeholder="value" readOnly={readOnly} aria-describedby={describedBy} {...register(`${props.name}.${i}.value`)} />
              {!readOnly && (
                <Button variant="ghost" className="px-2 py-1 text-xs" aria-label={`Remove ${noun} ${i + 1}`} onClick={() => remove(i)}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </GroupFrame>
  );
}

/** A titled group of fields inside a section. */
export function FieldSet({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 p-4">
      <div>
        <h3 className="text-base font-semibold text-slate-900">{title}</h3>
        {description ? <p className="text-sm text-slate-600">{description}</p> : null}
      </div>
      <div className="grid gap-4 md:grid-cols-2">{children}</div>
    </section>
  );
}
