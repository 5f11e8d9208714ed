import { z } from 'zod';

/** Any JSON value (inputs, outputs, contexts). */
export const jsonValue = z.unknown();

/** A JSON object (contexts, sidecars, settings patches). */
export const jsonObject = z.record(z.string(), z.unknown());

/** A file path as the host understands it (absolute, or relative to the workspace). */
export const filePath = z.string().min(1).max(4096);

/** A run id. */
export const runId = z.string().min(1).max(200);

/** A debugger breakpoint (issue 5). */
export const breakpoint = z.object({
  path: z.string().min(1),
  condition: z.string().optional(),
  enabled: z.boolean().optional(),
  hitCount: z.number().int().positive().optional(),
});

/** Run- and step-level limits a run starts with. */
export const runLimits = z.object({
  totalCostUsd: z.number().nonnegative().optional(),
  totalTokens: z.number().int().nonnegative().optional(),
});

/** Final or current status of a recorded run. */
export const runStatus = z.enum([
  'running',
  'paused',
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
]);

/** A run as listed in history. */
export const runSummary = z.object({
  runId,
  pipelineName: z.string(),
  file: z.string().optional(),
  status: runStatus,
  startedAt: z.number(),
  endedAt: z.number().optional(),
  costUsd: z.number(),
  tokens: z.number(),
  output: jsonValue.optional(),
  error: z
    .object({ code: z.string(), message: z.string(), suggestion: z.string().optional() })
    .optional(),
});

/** A pending human-input request of a paused run. */
export const pendingHitl = z.object({
  requestId: z.string(),
  runId,
  file: z.string().optional(),
  pipelineName: z.string(),
  stepName: z.string(),
  path: z.string(),
  message: z.string(),
  inputSchema: jsonValue.optional(),
  createdAt: z.number(),
});

/** An error as it crosses the boundary. */
export const hostError = z.object({
  code: z.string(),
  message: z.string(),
  suggestion: z.string().optional(),
});

/** Provider endpoints and pricing the user configured (never API keys). */
export const studioSettings = z.object({
  providers: z.object({
    openai: z.object({ baseUrl: z.url() }).optional(),
    anthropic: z.object({ baseUrl: z.url() }).optional(),
  }),
  pricing: z.record(
    z.string(),
    z.object({
      inputPerMillion: z.number().nonnegative(),
      outputPerMillion: z.number().nonnegative(),
    }),
  ),
  strictPricing: z.boolean(),
  /** Which providers have a key stored (the keys themselves never leave the host). */
  keysSet: z.object({ openai: z.boolean(), anthropic: z.boolean() }),
});
