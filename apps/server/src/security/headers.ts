import type { FastifyHelmetOptions } from "@fastify/helmet";
import type { Config } from "../platform/config.ts";

/**
 * Security headers on every response (API, static web app, errors). The CSP admits what the built
 * web app loads: its own scripts and styles, antd's runtime <style> tags and the report preview's
 * inline <style> (so style-src needs 'unsafe-inline'; scripts never do), data: images (the favicon).
 * No framing at all; no upgrade-insecure-requests, since an intranet install may be plain HTTP.
 */
export function securityHeaders(config: Config): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    // HSTS only where the site is served over HTTPS (secure cookies are the deployment's signal).
    strictTransportSecurity: config.http.cookieSecure ? { maxAge: 180 * 86_400 } : false,
  };
}
