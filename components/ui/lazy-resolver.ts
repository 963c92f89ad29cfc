import type { FieldValues, Resolver } from "react-hook-form";

/**
 * A react-hook-form resolver whose schema is loaded when the form first validates (or when `preload` is called),
 * so a page that merely shows a form does not ship the schema in its first-load JavaScript. The schema is the
 * same one the server action checks; if it cannot be loaded, the form submits unchecked and the server's
 * field errors show in its place.
 */
export function lazyResolver<T extends FieldValues>(load: () => Promise<Resolver<T>>): Resolver<T> & { preload(): void } {
  let pending: Promise<Resolver<T> | undefined> | undefined;
  const get = () =>
    (pending ??= load().catch(() => {
      pending = undefined; // try again on the next validation
      return undefined;
    }));
  const resolver: Resolver<T> = async (values, context, options) => {
    const loaded = await get();
    return loaded ? loaded(values, context, options) : { values, errors: {} };
  };
  return Object.assign(resolver, { preload: () => void get() });
}
