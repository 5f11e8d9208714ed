import { z } from 'zod';
import {
  breakpoint,
  filePath,
  jsonObject,
  jsonValue,
  pendingHitl,
  runId,
  runLimits,
  runStatus,
  runSummary,
  studioSettings,
} from './schemas';

const ok = z.object({ ok: z.literal(true) });
const empty = z.object({});

/**
 * Every request the renderer can make of the host: channel name → request and response schemas.
 * The host validates each request against it; both transports (Electron IPC, browser-mode
 * WebSocket) and the renderer's client are typed from it.
 */
export const channels = {
  'app.info': {
    request: empty,
    response: z.object({
      mode: z.enum(['electron', 'browser']),
      version: z.string(),
      workspace: z.string().optional(),
      initialFile: z.string().optional(),
    }),
  },
  'documents.list': {
    request: empty,
    response: z.object({ files: z.array(z.object({ path: z.string(), name: z.string() })) }),
  },
  'documents.open': {
    request: z.object({ path: filePath }),
    response: z.object({ path: z.string(), text: z.string(), sidecar: jsonObject.nullable() }),
  },
  'documents.save': {
    request: z.object({ path: filePath, text: z.string(), sidecar: jsonObject.optional() }),
    response: z.object({ path: z.string(), savedAt: z.number() }),
  },
  'documents.export': {
    request: z.object({ path: filePath, text: z.string() }),
    response: z.object({ path: z.string() }),
  },
  'documents.recent': {
    request: empty,
    response: z.object({ files: z.array(z.object({ path: z.string(), openedAt: z.number() })) }),
  },
  'documents.samples': {
    request: empty,
    response: z.object({
      samples: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          description: z.string(),
          path: z.string(),
          text: z.string(),
        }),
      ),
    }),
  },
  'drafts.save': {
    request: z.object({ key: z.string().min(1), text: z.string(), sidecar: jsonObject.optional() }),
    response: ok,
  },
  'drafts.list': {
    request: empty,
    response: z.object({
      drafts: z.array(z.object({ key: z.string(), text: z.string(), savedAt: z.number() })),
    }),
  },
  'drafts.discard': {
    request: z.object({ key: z.string().min(1) }),
    response: ok,
  },
  'runs.start': {
    request: z.object({
      text: z.string(),
      file: filePath.optional(),
      input: jsonValue,
      context: jsonObject.optional(),
      limits: runLimits.optional(),
      debug: z
        .object({
          breakpoints: z.array(breakpoint),
          pauseOnStart: z.boolean().optional(),
          pauseOnFailure: z.boolean().optional(),
        })
        .optional(),
      mocks: z.record(z.string(), jsonValue).optional(),
      from: z.object({ path: z.string().min(1), baseRunId: runId }).optional(),
    }),
    response: z.object({ runId }),
  },
  'runs.cancel': { request: z.object({ runId }), response: ok },
  'runs.debug': {
    request: z.object({
      runId,
      command: z.enum(['continue', 'stepOver', 'stepInto', 'stepOut', 'pause']),
    }),
    response: ok,
  },
  'runs.editFrame': {
    request: z.object({ runId, input: jsonValue.optional(), context: jsonObject.optional() }),
    response: ok,
  },
  'runs.setBreakpoints': {
    request: z.object({ runId, breakpoints: z.array(breakpoint) }),
    response: ok,
  },
  'runs.list': {
    request: z.object({
      file: z.string().optional(),
      status: runStatus.optional(),
      limit: z.number().int().positive().max(1000).optional(),
    }),
    response: z.object({ runs: z.array(runSummary) }),
  },
  'runs.get': {
    request: z.object({ runId }),
    response: z.object({
      run: runSummary,
      steps: z.array(jsonValue),
      context: jsonObject.optional(),
    }),
  },
  'runs.events': {
    request: z.object({ runId, afterSeq: z.number().int().nonnegative().optional() }),
    response: z.object({ events: z.array(jsonValue) }),
  },
  'hitl.pending': { request: empty, response: z.object({ requests: z.array(pendingHitl) }) },
  'hitl.answer': {
    request: z.object({ requestId: z.string().min(1), answer: jsonValue }),
    response: z.object({ runId }),
  },
  'settings.get': { request: empty, response: studioSettings },
  'settings.set': {
    request: studioSettings.omit({ keysSet: true }).partial(),
    response: studioSettings,
  },
  'secrets.set': {
    request: z.object({ provider: z.enum(['openai', 'anthropic']), apiKey: z.string().max(1000) }),
    response: ok,
  },
  'workspace.trust': {
    request: z.object({ trusted: z.boolean() }),
    response: z.object({ trusted: z.boolean() }),
  },
} as const;

/** A channel name. */
export type ChannelName = keyof typeof channels;

/** The request payload of a channel. */
export type ChannelRequest<C extends ChannelName> = z.input<(typeof channels)[C]['request']>;

/** The response payload of a channel. */
export type ChannelResponse<C extends ChannelName> = z.output<(typeof channels)[C]['response']>;

/** The host's implementation of every channel: a missing one is a compile error. */
export type ChannelHandlers = {
  readonly [C in ChannelName]: (
    request: z.output<(typeof channels)[C]['request']>,
  ) => Promise<ChannelResponse<C>>;
};

/** All channel names, for transports that register handlers by name. */
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
