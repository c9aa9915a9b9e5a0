// axios's transport for the Zalo API: the shared lean HTTP client instead of axios's http adapter, which per
// request looks up proxies, wires redirect and decompression streams and sets TCP keep-alive again (a system
// call) — together more CPU than the rest of the request. axios keeps doing the rest: config, JSON in and
// out, validateStatus. Requests are JSON text to one origin; `params` (query objects) are not supported.
import { AxiosError, CanceledError, type AxiosAdapter, type RawAxiosResponseHeaders } from "axios";
import { AbortedError, TimedOutError } from "../http-client.js";
import { createThreadedHttpClient } from "../http-thread.js";

/** An adapter for requests to `origin` (full URLs under it). */
export function leanAdapter(origin: string): AxiosAdapter {
  const client = createThreadedHttpClient(origin);
  const prefix = new URL(origin).origin;
  return async (config) => {
    const url = config.url ?? "";
    if (!url.startsWith(prefix) || config.params !== undefined) throw new AxiosError("unsupported request for this adapter", AxiosError.ERR_BAD_OPTION, config);
    const data: unknown = config.data;
    if (data !== undefined && typeof data !== "string") throw new AxiosError("only text bodies are supported", AxiosError.ERR_BAD_OPTION, config);
    let answer;
    try {
      answer = await client({
        method: (config.method ?? "get").toUpperCase(),
        path: url.slice(prefix.length),
        headers: config.headers.toJSON(true) as Record<string, string>,
        body: data,
        signal: config.signal as AbortSignal | undefined,
        timeoutMs: config.timeout,
      });
    } catch (error) {
      if (error instanceof AbortedError) throw new CanceledError(undefined, config);
      if (error instanceof TimedOutError) throw new AxiosError(`timeout of ${config.timeout}ms exceeded`, AxiosError.ECONNABORTED, config);
      throw AxiosError.from(error, (error as NodeJS.ErrnoException).code, config);
    }
    const response = { data: answer.text, status: answer.status, statusText: "", headers: answer.headers as RawAxiosResponseHeaders, config };
    // What axios's own adapters do: a status validateStatus refuses rejects with the response attached.
    if (config.validateStatus && !config.validateStatus(answer.status)) {
      throw new AxiosError(`Request failed with status code ${answer.status}`, answer.status < 500 ? AxiosError.ERR_BAD_REQUEST : AxiosError.ERR_BAD_RESPONSE, config, undefined, response);
    }
    return response;
  };
}
