/**
 * One-time Angular test setup for the Chromium specs, imported first by every Angular spec:
 * zone.js (so zone-based change detection can be tested next to zoneless), the JIT compiler for
 * the test components, and TestBed's environment. Karma bundles all specs into one page, so the
 * environment is set up only if no other module did.
 */
import 'zone.js';
import '@angular/compiler';
import { getTestBed } from '@angular/core/testing';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';

const testBed = getTestBed();
if (!testBed.platform) testBed.initTestEnvironment(BrowserTestingModule, platformBrowserTesting());
