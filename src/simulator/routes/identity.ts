import { z } from 'zod';
import type { RouteResponse, Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';

const tokenBodySchema = z.object({
  auth: z.object({
    tenantId: z.string(),
    passwordCredentials: z.object({ username: z.string(), password: z.string() }),
  }),
});

/*
 * NOTE: the error body of the identity call is not published; the simulator returns the
 * OpenStack Identity v2 shape `{ error: { message, code, title } }`.
 */
function identityError(code: 400 | 401, title: string, message: string): RouteResponse {
  return { status: code, body: { error: { message, code, title } } };
}

/** Formats epoch ms as `YYYY-MM-DDThh:mm:ssZ`, the form of `access.token.expires`. */
function formatUtcSeconds(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

/**
 * Registers `POST /v2.0/tokens`, the identity token call of Object Storage (no envelope). The
 * body names the tenant and the account's user name and Object Storage API password. The
 * response contains `access.token.id` for `X-Auth-Token`, its expiry and the storage URL.
 */
export function registerIdentityRoutes(router: Router, state: SimulatorState): void {
  router.add('POST', '/v2.0/tokens', (request) => {
    let input: unknown;
    try {
      input = JSON.parse(request.rawBody) as unknown;
    } catch {
      return identityError(400, 'Bad Request', 'request body must be JSON');
    }
    const parsed = tokenBodySchema.safeParse(input);
    if (!parsed.success) {
      return identityError(
        400,
        'Bad Request',
        'body must contain auth.tenantId and auth.passwordCredentials.username and .password',
      );
    }
    const { tenantId, passwordCredentials } = parsed.data.auth;
    const { username, password } = passwordCredentials;
    if (!state.identityTokens.hasValidCredentials(tenantId, username, password)) {
      state.logger.warn({ tenantId }, 'simulated identity call rejected: invalid credentials');
      return identityError(
        401,
        'Unauthorized',
        'tenantId, user name or Object Storage API password is invalid',
      );
    }
    const token = state.identityTokens.issue();
    return {
      status: 200,
      body: {
        access: {
          token: {
            id: token.id,
            expires: formatUtcSeconds(token.expiresAtMs),
            issued_at: formatUtcSeconds(token.issuedAtMs),
            tenant: { id: tenantId, name: tenantId, enabled: true, description: null },
          },
          serviceCatalog: [
            {
              type: 'object-store',
              name: 'swift',
              endpoints: [{ region: 'KR1', publicURL: `${state.baseUrl}/v1/AUTH_${tenantId}` }],
            },
          ],
          user: { id: username, name: username, username },
        },
      },
    };
  });
}
