import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Every Content-Security-Policy violation the page reports from now on (the browser's
 * `securitypolicyviolation` events and its console), as `directive: blocked URI`.
 */
export async function recordPolicyViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__reportPolicyViolation', (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (
        window as unknown as { __reportPolicyViolation(line: string): void }
      ).__reportPolicyViolation(`${event.effectiveDirective}: ${event.blockedURI || 'inline'}`),
    );
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** The headers every page of the site answers with (site/server/security-headers.ts). */
export function expectSecurityHeaders(headers: Record<string, string>): void {
  expect(headers['content-security-policy']).toBe("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  expect(headers['x-content-type-options']).toBe('nosniff');
}
