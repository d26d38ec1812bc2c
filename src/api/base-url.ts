/** Base URL of a local EasyMaker stand-in, used by the SDK for the profile `local`. */
const localProfileBaseUrl = 'http://127.0.0.1:10090';

const domainByEnvironment = {
  public: 'nhncloudservice.com',
  gov: 'gov-nhncloudservice.com',
} as const;

export interface EasyMakerBaseUrlOptions {
  /** Full base URL; wins over every other option. */
  apiUrl?: string;
  /** Region code such as `kr1`; default `kr1`. */
  region?: string;
  /** `real` (default), another profile such as `alpha`, or `local`. */
  profile?: string;
  /** Domain family; default `public`. */
  environment?: 'public' | 'gov';
}

/**
 * Resolves the EasyMaker API base URL with the precedence of the official SDK: an explicit
 * `apiUrl` (without trailing slashes), then the `local` profile, then the template
 * `https://{region}-easymaker{-profile}.api.{domain}`. The result never ends with `/`.
 */
export function resolveEasyMakerBaseUrl(options: EasyMakerBaseUrlOptions): string {
  const apiUrl = options.apiUrl?.trim();
  if (apiUrl) {
    return apiUrl.replace(/\/+$/, '');
  }

  const profile = (options.profile?.trim() || 'real').toLowerCase();
  if (profile === 'local') {
    return localProfileBaseUrl;
  }

  const region = (options.region?.trim() || 'kr1').toLowerCase();
  const profileSuffix = profile === 'real' ? '' : `-${profile}`;
  const domain = domainByEnvironment[options.environment ?? 'public'];
  return `https://${region}-easymaker${profileSuffix}.api.${domain}`;
}
