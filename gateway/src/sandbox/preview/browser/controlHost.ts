/**
 * One control on a form, through its lifecycle as the PCF runtime drives it: load its platform
 * libraries and bundle, construct it, init(context, notifyOutputChanged, state), then updateView
 * whenever something it sees changes (its bound columns, the space it has once it tracks its
 * container's size, a requestRender) with context.updatedProperties naming what changed, and
 * destroy when the page goes. A virtual control's element is rendered with the platform's
 * ReactDOM; a standard control gets a container element of its own.
 */

import type { ColumnModel, ControlSlotModel, HostMessages } from '../shared/pageModel.js';
import { developerConsole } from './console.js';
import type { SharedContext } from './context.js';
import { buildParameters, columnValueOfOutput } from './parameters.js';
import { loadControl, platformReactDom } from './platform.js';
import { createResources } from './resources.js';
import { unsupported } from './unsupported.js';
import type { Row } from './values.js';

/** The form a control sits on, as the control sees it. */
export interface HostForm {
  entityTypeName: string;
  entityId: string;
  /** The record as read, with the user's unsaved changes; undefined when Dataverse did not let the user read it. */
  row(): Row | undefined;
  recordName(): string;
  columns: Readonly<Record<string, ColumnModel>>;
  currencySymbol(): string | undefined;
  readOnly(): boolean;
  /** A control's output for a bound column becomes an unsaved change of the form. */
  changeColumn(column: string, value: string | number | boolean | null): void;
}

type AnyControl = ComponentFramework.StandardControl<unknown, unknown> | ComponentFramework.ReactControl<unknown, unknown>;
type Parameters = Record<string, ComponentFramework.PropertyTypes.Property>;

const stateKey = (slot: ControlSlotModel, form: HostForm) => `ecc365-preview:${slot.controlName}:${form.entityTypeName}:${form.entityId}`;

function readState(key: string): ComponentFramework.Dictionary | undefined {
  try {
    const stored = sessionStorage.getItem(key);
    return stored === null ? undefined : (JSON.parse(stored) as ComponentFramework.Dictionary);
  } catch {
    return undefined;
  }
}

/** What a parameter shows, for telling which ones changed. */
function signature(parameter: ComponentFramework.PropertyTypes.Property | undefined): string {
  return JSON.stringify([parameter?.raw, parameter?.formatted, parameter?.security]);
}

export class HostedControl {
  private instance: AnyControl | undefined;
  private context: ComponentFramework.Context<Parameters> | undefined;
  private standardContainer: HTMLDivElement | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private readonly pending = new Set<string>();
  private scheduled = false;
  private destroyed = false;
  private readonly virtual: boolean;

  constructor(
    private readonly slot: ControlSlotModel,
    private readonly element: HTMLElement,
    private readonly shared: SharedContext,
    private readonly form: HostForm,
    private readonly messages: HostMessages,
  ) {
    this.virtual = slot.controlType === 'virtual';
  }

  async start(): Promise<void> {
    try {
      const Control = await loadControl(this.slot);
      if (this.destroyed) return;
      this.instance = new Control();
      this.context = this.createContext();
      const notify = () => this.outputsChanged();
      if (this.virtual) {
        this.instance.init(this.context, notify, readState(stateKey(this.slot, this.form)));
      } else {
        this.standardContainer = document.createElement('div');
        this.element.append(this.standardContainer);
        this.instance.init(this.context, notify, readState(stateKey(this.slot, this.form)), this.standardContainer);
      }
      this.render();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Something the control sees may have changed: the form's values ('parameters'), its size ('layout'), or it asked ('requestRender'). Renders once for a burst of calls. */
  update(what: 'parameters' | 'layout' | 'requestRender'): void {
    if (!this.instance || this.destroyed) return;
    this.pending.add(what);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (!this.destroyed) this.render();
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.resizeObserver?.disconnect();
    try {
      this.instance?.destroy();
      if (this.virtual && this.instance) platformReactDom().unmountComponentAtNode(this.element);
    } catch (error) {
      developerConsole.error(`${this.slot.controlName}.destroy failed`, error);
    }
  }

  private parameters(): Parameters {
    return buildParameters({
      properties: this.slot.properties,
      columns: this.form.columns,
      row: this.form.row(),
      formatting: this.shared.formatting,
      currencySymbol: this.form.currencySymbol(),
      readOnly: this.form.readOnly() || this.slot.disabled,
    });
  }

  private createContext(): ComponentFramework.Context<Parameters> {
    const mode: ComponentFramework.Mode & { contextInfo: { entityId: string; entityTypeName: string; entityRecordName: string } } = {
      allocatedHeight: -1,
      allocatedWidth: -1,
      isControlDisabled: this.form.readOnly() || this.slot.disabled,
      isVisible: true,
      label: this.slot.label,
      setControlState: (state) => {
        sessionStorage.setItem(stateKey(this.slot, this.form), JSON.stringify(state));
        return true;
      },
      setFullScreen: unsupported('context.mode.setFullScreen'),
      trackContainerResize: (track) => this.trackResize(track),
      contextInfo: { entityId: this.form.entityId, entityTypeName: this.form.entityTypeName, entityRecordName: this.form.recordName() },
    };
    return {
      ...this.shared,
      parameters: this.parameters(),
      mode,
      resources: createResources(this.slot.strings, this.slot.resources, (input, init) => fetch(input, init)),
      factory: { getPopupService: unsupported('context.factory.getPopupService'), requestRender: () => this.update('requestRender') },
      updatedProperties: [],
      events: {},
    };
  }

  private trackResize(track: boolean): void {
    const mode = this.context!.mode;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    if (!track) {
      mode.allocatedWidth = -1;
      return;
    }
    this.resizeObserver = new ResizeObserver((entries) => {
      const width = Math.floor(entries[entries.length - 1]!.contentRect.width);
      if (width !== mode.allocatedWidth) {
        mode.allocatedWidth = width;
        this.update('layout');
      }
    });
    this.resizeObserver.observe(this.element);
  }

  private render(): void {
    const context = this.context!;
    const previous = context.parameters;
    const next = this.parameters();
    const changed = Object.keys(next).filter((name) => signature(previous[name]) !== signature(next[name]));
    const mode = context.mode as ComponentFramework.Mode & { contextInfo: { entityRecordName: string } };
    mode.isControlDisabled = this.form.readOnly() || this.slot.disabled;
    mode.contextInfo.entityRecordName = this.form.recordName();
    context.parameters = next;
    // The runtime names changed properties, and "layout" when the allocated size changed.
    context.updatedProperties = [...changed, ...(this.pending.has('layout') ? ['layout'] : [])];
    this.pending.clear();
    try {
      const view = this.instance!.updateView(context);
      if (this.virtual) platformReactDom().render(view, this.element);
    } catch (error) {
      this.fail(error);
    }
  }

  private outputsChanged(): void {
    queueMicrotask(() => {
      if (this.destroyed || !this.instance?.getOutputs) return;
      const outputs = (this.instance.getOutputs() ?? {}) as Record<string, unknown>;
      for (const property of this.slot.properties) {
        if (property.usage !== 'bound' || property.column === undefined || !(property.name in outputs)) continue;
        const column = this.form.columns[property.column];
        const value = column && columnValueOfOutput(column, outputs[property.name]);
        if (value === undefined) {
          developerConsole.warn(`${this.slot.controlName} gave ${property.name} a value that does not fit ${property.column}; the form keeps its value.`, outputs[property.name]);
          continue;
        }
        this.form.changeColumn(property.column, value);
      }
    });
  }

  private fail(error: unknown): void {
    developerConsole.error(`${this.slot.controlName} failed`, error);
    this.destroyed = true;
    const message = document.createElement('p');
    message.className = 'control-problem';
    message.setAttribute('role', 'alert');
    message.textContent = this.messages.controlFailed.replace('{0}', this.slot.label);
    this.element.replaceChildren(message);
  }
}
