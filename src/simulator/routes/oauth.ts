import type { Router } from '../router.js';
import type { SimulatorState } from '../simulator-state.js';

/*
 * NOTE: the error body of the NHN Cloud OAuth call is not published. The simulator returns
 * the OAuth 2.0 error shape of RFC 6749 section 5.2: `{ error, error_description }`.
 */
function oauthError(status: number, error: string, description: string) {
  return { status, body: { error, error_description: description } };
}

/**
 * Registers `POST /oauth2/token/create` (NHN Cloud User Access Key token, no envelope) and the
 * unauthenticated EasyMaker health probe `GET /nhn-api-gateway`.
 */
export function registerOauthRoutes(router: Router, state: SimulatorState): void {
  router.add('POST', '/oauth2/token/create', (request) => {
    const form = new URLSearchParams(request.rawBody);
    const grantType = form.get('grant_type');
    if (grantType === null) {
      return oauthError(400, 'invalid_request', 'grant_type is required');
    }
    if (grantType !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    }
    const authorization = request.headers.authorization;
    if (!state.tokens.hasValidClientCredentials(authorization)) {
      state.logger.warn('simulated OAuth call rejected: invalid client credentials');
      return oauthError(
        401,
        'invalid_client',
        'User Access Key ID or Secret Access Key is invalid; send Authorization: Basic ' +
          'base64(UserAccessKeyID:SecretAccessKey)',
      );
    }
    return { status: 200, body: state.tokens.issue() };
  });

  router.add('GET', '/nhn-api-gateway', () => ({ status: 200, body: { status: 'UP' } }));
}
