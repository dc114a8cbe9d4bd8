/**
 * The injection token of the app's FlowAPI {@link Connection}.
 * @module
 */
import { InjectionToken } from '@angular/core';
import type { Connection } from '../index.js';

/**
 * The app's {@link Connection}, built once per environment injector by {@link provideFlowClient}.
 * @example
 * ```ts
 * private readonly connection = inject(FLOW_CONNECTION);
 * ```
 */
export const FLOW_CONNECTION: InjectionToken<Connection> = new InjectionToken<Connection>(
  'FLOW_CONNECTION (flowclient-rx: add provideFlowClient() to the providers)',
);
