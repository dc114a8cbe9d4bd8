import { InjectionToken, inject, provideBrowserGlobalErrorListeners, type ApplicationConfig } from '@angular/core';
import { provideFlowClient } from 'flowclient-rx/angular';
import { AuthService } from './auth.service.js';

/** Where FlowAPI is served: behind the app's own origin (proxy.conf.json), as FlowAPI sends no CORS headers. */
export const FLOWAPI_URL = new InjectionToken<string>('FLOWAPI_URL', {
  providedIn: 'root',
  factory: () => `${location.origin}/flowapi`,
});

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideFlowClient(() => ({
      url: inject(FLOWAPI_URL),
      token$: inject(AuthService).token$, // each new token reaches running queries
    })),
  ],
};
