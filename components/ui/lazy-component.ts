"use client";
import { type ComponentType, createElement, lazy, useState } from "react";

export interface LazyComponent<P extends object = object> {
  /** Renders the component: at once when its module has loaded, else through `React.lazy` (suspends). */
  Component: ComponentType<P>;
  /** Loads the module; once it has, the component renders without suspending (tests and server renders await it). */
  preload(): Promise<unknown>;
}

/**
 * A component whose module loads on first use, in its own chunk, so it stays out of the page's first-load
 * JavaScript. On the server the render waits for it (streaming); in the browser the server's markup stays until
 * it has loaded. Render it inside a `Suspense` boundary. A failed load is tried again by the next mount.
 */
export function lazyComponent<P extends object = object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined;
        Lazy = lazyOnce();
        throw error;
      },
    ));
  const lazyOnce = () => lazy(() => preload().then((component) => ({ default: component })));
  let Lazy = lazyOnce();
  function Component(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component would remount it (and lose its state).
    const [type] = useState<ComponentType<P>>(() => loaded ?? (Lazy as unknown as ComponentType<P>));
    return createElement(type, props);
  }
  return { Component, preload };
}
