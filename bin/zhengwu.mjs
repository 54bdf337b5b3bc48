#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx's loader, so the checkout needs no build step.
import { register } from "tsx/esm/api";

register();
await import("../apps/server/src/cli/cli.ts");
