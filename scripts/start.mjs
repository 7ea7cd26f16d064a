// `npm start`: builds dist/ when it is missing or stale, then runs the server in this very process.
// package.json runs this with `exec`, so npm's shell is replaced by it: the SIGTERM or SIGINT npm
// forwards reaches the server, whose shutdown then stops everything it started (embedded PostgreSQL too).
import './ensure-build.mjs';

// npm killed outright (SIGKILL) forwards nothing; the server notices it was orphaned and shuts down.
const parent = process.ppid;
const orphaned = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(orphaned);
  process.kill(process.pid, 'SIGTERM');
}, 1_000).unref();

await import('../dist/main.js');
