import { Injectable } from '@angular/core';
import { BehaviorSubject, type Observable } from 'rxjs';

/** Holds the user's FlowAPI token: pasted from FlowAuth, or given by your OpenID Connect library. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  readonly #token = new BehaviorSubject<string | null>(null);

  /** The current token, `null` when signed out. */
  readonly token$: Observable<string | null> = this.#token.asObservable();

  signIn(token: string): void {
    this.#token.next(token);
  }

  signOut(): void {
    this.#token.next(null);
  }
}
