/** A JSON response: the status and the parsed body (null when empty). */
export interface JsonResponse<T = any> {
  status: number;
  body: T;
}

/** One HTTP call with a JSON body, optionally authenticated with a bearer token. */
export async function request<T = any>(
  baseUrl: string,
  path: string,
  options: { method?: string; token?: string; body?: unknown } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The same for a call that must succeed: its body, or an error naming the call and the answer. */
export async function requestOk<T = any>(
  baseUrl: string,
  path: string,
  options: { method?: string; token?: string; body?: unknown } = {},
): Promise<T> {
  const { status, body } = await request<T>(baseUrl, path, options);
  if (status < 200 || status >= 300)
    throw new Error(`${options.method ?? 'GET'} ${path}: ${status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Logs the admin in. Strapi allows 5 logins per ~5 minutes per server, so each test file
 * logs in once and reuses the token.
 */
export async function adminLogin(
  baseUrl: string,
  credentials: { email: string; password: string },
): Promise<string> {
  const response = await request(baseUrl, '/admin/login', { method: 'POST', body: credentials });
  if (response.status !== 200)
    throw new Error(`admin login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.token as string;
}

/**
 * Creates a Content API token through the admin, as an administrator does in Settings → API
 * tokens; `permissions` for a custom one. Returns its value.
 */
export async function createApiToken(
  baseUrl: string,
  adminToken: string,
  token: { name: string; type: 'full-access' | 'read-only' | 'custom'; permissions?: string[] },
): Promise<string> {
  const response = await request(baseUrl, '/admin/api-tokens', {
    method: 'POST',
    token: adminToken,
    body: { lifespan: null, description: '', ...token },
  });
  if (response.status !== 201)
    throw new Error(`token creation failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data.accessKey as string;
}

/** Creates a full-access Content API token through the admin, for write tests on the REST API. */
export function createFullAccessToken(baseUrl: string, adminToken: string): Promise<string> {
  return createApiToken(baseUrl, adminToken, { name: `tests-${Date.now()}`, type: 'full-access' });
}
