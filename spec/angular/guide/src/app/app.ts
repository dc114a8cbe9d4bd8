import { Component, inject } from '@angular/core';
import { AuthService } from './auth.service.js';
import { Dashboard } from './dashboard.js';

@Component({
  selector: 'app-root',
  imports: [Dashboard],
  template: `
    <h1>Subscribers per region</h1>
    @if (auth.signedIn()) {
      <app-dashboard />
    } @else {
      <form class="sign-in" (submit)="$event.preventDefault(); auth.signIn(token.value)">
        <label>FlowAPI token <input #token type="password" name="token" /></label>
        <button>Sign in</button>
      </form>
    }
  `,
})
export class App {
  protected readonly auth = inject(AuthService);
}
