// The Content-Security-Policy of the app, in one place: the page states it in a meta tag
// (app/layout.tsx) and the static server sends it as a header (cli/serve.ts).
//
// The page may load nothing from another origin. Next's static export bootstraps with inline
// scripts, hence 'unsafe-inline'. In `next dev` React also needs eval (for its error overlay and
// stack traces); the built site never does.

/** Directives both variants share, with the script sources left to the caller. */
function directives(scriptSrc: string): string[] {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
  ];
}

const SCRIPT_SRC = "'self' 'unsafe-inline'";

/** The policy the static server (cli/serve.ts) sends as the Content-Security-Policy header. */
export const CSP_HEADER = [...directives(SCRIPT_SRC), "form-action 'self'"].join('; ');

/** The policy of the page's `<meta http-equiv="Content-Security-Policy">` in the built site. */
export const CSP_META = directives(SCRIPT_SRC).join('; ');

/** {@link CSP_META} for `next dev`, which also needs 'unsafe-eval'. */
export const CSP_META_DEV = directives(`${SCRIPT_SRC} 'unsafe-eval'`).join('; ');
