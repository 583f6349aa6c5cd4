// Makes sure a Chromium is there for the end-to-end tests: Playwright's own, or Debian's (installed if missing).
import { execSync } from 'node:child_process';
import { chromiumPath } from './browser';

const found = chromiumPath();
if (found) {
  console.log(`e2e browser: ${found}`);
} else {
  console.log('No Chromium found for the end-to-end tests: installing Debian\'s chromium (apt-get install chromium)…');
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  try {
    execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' });
  } catch {
    console.error('Could not install Chromium. Install it by hand (Debian/Ubuntu: sudo apt-get install chromium) and run the tests again.');
    process.exit(1);
  }
  const now = chromiumPath();
  if (!now) {
    console.error('Chromium was installed but not found at /usr/bin/chromium.');
    process.exit(1);
  }
  console.log(`e2e browser: ${now}`);
}
