/**
 * Loading what a control runs on, as the PCF runtime does: the platform libraries it declares
 * (scripts that define the globals its bundle reads, e.g. Reactv16, FluentUIReactv81211), its
 * stylesheets, and its bundle, which registers the control's class with
 * ComponentFramework.registerControl('<namespace>.<constructor>', …) when it runs.
 */

import type { ControlSlotModel, PlatformLibraryModel } from '../shared/pageModel.js';

export type ControlClass = new () => ComponentFramework.StandardControl<unknown, unknown> | ComponentFramework.ReactControl<unknown, unknown>;

interface ComponentFrameworkGlobal {
  registerControl(name: string, control: ControlClass): void;
}

type Globals = Window & Record<string, unknown> & { ComponentFramework?: ComponentFrameworkGlobal; FabricConfig?: Record<string, unknown> };

const globals = window as unknown as Globals;
const registered = new Map<string, ControlClass>();
const scripts = new Map<string, Promise<void>>();

/** window.ComponentFramework.registerControl, which every PCF bundle calls when it runs. */
export function installComponentFramework(): void {
  globals.ComponentFramework = {
    registerControl: (name, control) => {
      registered.set(name, control);
    },
  };
}

function loadScript(url: string): Promise<void> {
  let loading = scripts.get(url);
  if (!loading) {
    loading = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.async = false;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`${url} could not be loaded`));
      document.head.appendChild(script);
    });
    scripts.set(url, loading);
  }
  return loading;
}

function loadStylesheet(url: string): void {
  if (document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(url)}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = url;
  document.head.appendChild(link);
}

async function loadPlatformLibrary(library: PlatformLibraryModel): Promise<void> {
  // Read by Fluent's build as it loads, when it registers its icons.
  if (library.iconBaseUrl !== undefined) globals.FabricConfig = { ...globals.FabricConfig, iconBaseUrl: new URL(library.iconBaseUrl, location.href).href };
  for (const script of library.scripts) await loadScript(script);
  if (library.definesGlobal !== undefined && globals[library.alias] === undefined) globals[library.alias] = globals[library.definesGlobal];
  if (globals[library.alias] === undefined) throw new Error(`The ${library.name} platform library did not define ${library.alias}, which the control's bundle reads.`);
}

/** Loads the control's libraries, styles and bundle, and answers the class the bundle registered. */
export async function loadControl(slot: ControlSlotModel): Promise<ControlClass> {
  for (const library of slot.platformLibraries) await loadPlatformLibrary(library);
  for (const url of slot.cssUrls) loadStylesheet(url);
  await loadScript(slot.bundleUrl);
  const control = registered.get(slot.controlName);
  if (!control) throw new Error(`${slot.bundleUrl} ran but registered no control named ${slot.controlName}.`);
  return control;
}

/** The ReactDOM the platform's React came with: a virtual control's element must be rendered by the React it was made with. */
export function platformReactDom(): { render(element: unknown, container: Element): void; unmountComponentAtNode(container: Element): boolean } {
  const reactDom = globals.ReactDOM as ReturnType<typeof platformReactDom> | undefined;
  if (!reactDom) throw new Error('ReactDOM is not loaded: a virtual control declares the React platform library.');
  return reactDom;
}
