// The JSON API: same-origin fetch with the session cookie, the CSRF
// token on every write, and one error type the pages show.
let csrf = '';

export function setCsrf(token) {
  csrf = token || '';
}

export class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {};
    super(e.message || `HTTP ${status}`);
    this.status = status;
    this.code = e.code || '';
    this.field = e.field || '';
  }
}

// Called on 401 (set by main.js): the session has ended.
let onUnauthorised = () => {};
export function whenUnauthorised(fn) {
  onUnauthorised = fn;
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  try {
    data = await res.json();
  } catch (e) {
    data = null;
  }
  if (!res.ok) {
    const err = new ApiError(res.status, data);
    if (res.status === 401 && path !== '/api/v1/session') onUnauthorised(err);
    throw err;
  }
  return data;
}
