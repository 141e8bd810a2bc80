// The API client: bearer token on every call, one retry after a refresh on 401, problem details turned into errors.
import * as session from './session.js';

/** An API refusal: status, the problem's title and detail, and its per-field errors (422). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    this.fields = problem?.errors ?? {};
  }
}

export async function api(method, path, body) {
  let response = await send(method, path, body);
  if (response.status === 401 && session.current()?.refreshToken && (await session.refresh())) {
    response = await send(method, path, body);
  }

  if (response.status === 401) {
    session.clear();
  }

  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }

  return data;
}

function send(method, path, body) {
  const headers = {};
  const token = session.accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);
export const del = (path) => api('DELETE', path);

/** An error as one line for the banner: the problem's detail (a 422's detail already names each field). */
export function describe(error) {
  return String(error?.message ?? error);
}
