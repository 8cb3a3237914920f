// The wall shares a few constants and schemas with the server through shared/, which brings Zod along.
// Zod 4 probes whether it may compile parsers with `new Function`; under the wall's
// Content-Security-Policy (script-src 'self', no 'unsafe-eval') that probe is reported as a policy
// violation. Zod's interpreted mode needs no eval: set it before any schema exists (imported first).
import { config } from 'zod';

config({ jitless: true });
