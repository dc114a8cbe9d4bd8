import { Injectable } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { BehaviorSubject, map } from 'rxjs';

/** The user's FlowAPI token: pasted from FlowAuth here; an OpenID Connect library would give it the same way. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  readonly #token = new BehaviorSubject<string | null>(null); // starts signed out

  /** The current token, `null` when signed out. */
  readonly token$ = this.#token.asObservable();
  /** True once there is a token. */
  readonly signedIn = toSignal(this.token$.pipe(map(Boolean)), { requireSync: true });

  signIn(token: string): void {
    this.#token.next(token.trim() || null);
  }

  signOut(): void {
    this.#token.next(null);
  }
}
