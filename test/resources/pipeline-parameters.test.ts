import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pipelineUploadBodySchema } from '../../src/api/schemas/pipeline-upload-body.js';
import { BotError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import type { RawValue } from '../../src/resources/field-schemas.js';
import { findDescriptionByWord } from '../../src/resources/index.js';
import { pipelineCreate } from '../../src/resources/pipeline-create.js';
import {
  MAX_PIPELINE_SPEC_BYTES,
  readPipelineSpecFile,
} from '../../src/resources/pipeline-spec-file.js';
import type {
  CreateDescription,
  PrepareBodyContext,
} from '../../src/resources/resource-description.js';
import { validateParameters } from '../../src/resources/validate-parameters.js';
import { defaultScopes, SlackFake } from '../support/slack-fake/index.js';

const create = pipelineCreate as unknown as CreateDescription<unknown, unknown>;

const SPEC = [
  '# PIPELINE DEFINITION',
  '# Name: mnist',
  'pipelineInfo:',
  '  name: mnist',
  'root:',
  '  inputDefinitions:',
  '    parameters:',
  '      epochs:',
  '        parameterType: NUMBER_INTEGER',
  'schemaVersion: 2.1.0',
  '',
].join('\n');

const valid: Record<string, RawValue> = {
  pipeline_name: 'mnist-pipeline',
  pipeline_spec_file: 'F0000000001',
};

function messageFor(parameter: string, overrides: Record<string, RawValue>) {
  const result = validateParameters(create, { ...valid, ...overrides }, {});
  return result.ok
    ? undefined
    : result.issues.find((issue) => issue.parameter === parameter)?.message;
}

describe('pipeline parameters', () => {
  it('accepts a name and a shared file id', () => {
    expect(validateParameters(create, valid, {}).ok).toBe(true);
  });

  it('takes a file attached in the form as { id }', () => {
    const attached = validateParameters(
      create,
      { ...valid, pipeline_spec_file: { id: 'F0ABC123' } },
      {},
    );
    expect(attached.ok).toBe(true);
    expect(attached.ok && attached.parameters).toMatchObject({
      pipeline_spec_file: { id: 'F0ABC123' },
    });
  });

  describe('when a value sits at a published range edge', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['pipeline_name', 'p'.repeat(50), undefined],
      ['pipeline_name', 'p'.repeat(51), 'must be at most 50 characters'],
      ['description', 'd'.repeat(255), undefined],
      ['description', 'd'.repeat(256), 'must be at most 255 characters'],
    ];
    it.each(
      cases.map(
        ([parameter, value, expected]) => [parameter, value.length, value, expected] as const,
      ),
    )('%s of length %i gives %j', (parameter, _length, value, expected) => {
      expect(messageFor(parameter, { [parameter]: value })).toBe(expected);
    });
  });

  it('requires the spec file as a Slack file id', () => {
    expect(messageFor('pipeline_spec_file', { pipeline_spec_file: undefined })).toBe('is required');
    expect(messageFor('pipeline_spec_file', { pipeline_spec_file: 'pipeline.yaml' })).toBe(
      'must be a Slack file id, such as F0123ABCD',
    );
  });

  it('is uploaded to /pipelines/upload', () => {
    expect(pipelineCreate.verb).toBe('upload');
    expect(pipelineCreate.path).toBe('/pipelines/upload');
    expect(findDescriptionByWord('pipelines')?.kind).toBe('pipeline');
  });
});

describe('pipeline spec file from Slack', () => {
  let fake: SlackFake;
  let context: PrepareBodyContext;

  beforeAll(async () => {
    fake = new SlackFake();
    await fake.start();
  });

  afterAll(async () => {
    await fake.stop();
  });

  beforeEach(() => {
    fake.reset();
    context = {
      slack: new WebClient(fake.botToken, {
        slackApiUrl: fake.apiUrl,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
      }),
      botToken: fake.botToken,
      logger: createLogger('silent'),
    };
  });

  async function rejection(fileId: string, withContext = context): Promise<BotError> {
    try {
      await readPipelineSpecFile(fileId, withContext);
    } catch (error) {
      if (error instanceof BotError) {
        return error;
      }
      throw error;
    }
    throw new Error(`reading ${fileId} succeeded`);
  }

  function share(name: string, content: Buffer | string, channels = ['C0GENERAL']) {
    return fake.addUserFile({ userId: 'U0ALICE', name, content, channels });
  }

  it('reads a YAML file shared in a channel the bot is in', async () => {
    const file = share('pipeline.yaml', SPEC);
    const bytes = await readPipelineSpecFile(file.id, context);
    expect(bytes.toString('utf8')).toBe(SPEC);
    const [call] = fake.calls('files.info');
    expect(call?.args).toMatchObject({ file: file.id });
  });

  it('builds an upload body that passes the API schema', async () => {
    const file = share('pipeline.yml', SPEC);
    const result = validateParameters(create, { ...valid, pipeline_spec_file: file.id }, {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const body = {
      ...create.buildCreateBody(result.parameters, {}, {}),
      ...(await create.prepareBody?.(result.parameters, context)),
    };
    expect(pipelineUploadBodySchema.safeParse(body).success).toBe(true);
    expect(Buffer.from(String(body.base64PipelineSpecManifest), 'base64').toString('utf8')).toBe(
      SPEC,
    );
  });

  it('accepts a file of exactly 5 MB and rejects one byte more', async () => {
    const padded = (size: number) => `${SPEC}#${'x'.repeat(size - SPEC.length - 1)}`;
    const edge = share('edge.yaml', padded(MAX_PIPELINE_SPEC_BYTES));
    expect((await readPipelineSpecFile(edge.id, context)).length).toBe(MAX_PIPELINE_SPEC_BYTES);
    const large = share('large.yaml', padded(MAX_PIPELINE_SPEC_BYTES + 1));
    const error = await rejection(large.id);
    expect(error.code).toBe('ERR_INPUT_INVALID');
    expect(error.message).toBe(
      'pipeline_spec_file "large.yaml" is 5.0 MB; a pipeline spec file may be at most 5 MB',
    );
  });

  it('rejects a file that is not YAML by name or by content', async () => {
    const text = share('notes.txt', SPEC);
    expect((await rejection(text.id)).message).toBe(
      'pipeline_spec_file "notes.txt" is not a YAML file; upload the compiled .yaml spec',
    );
    const binary = share('binary.yaml', Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    expect((await rejection(binary.id)).message).toMatch(/is not UTF-8 text/);
    const prose = share('prose.yaml', 'just some words\nwithout keys\n');
    expect((await rejection(prose.id)).message).toMatch(/does not look like YAML/);
  });

  it('does not find a file the bot cannot see', async () => {
    const elsewhere = share('pipeline.yaml', SPEC, ['C0RANDOM']);
    const error = await rejection(elsewhere.id);
    expect(error.code).toBe('ERR_INPUT_INVALID');
    expect(error.message).toBe(
      `pipeline_spec_file ${elsewhere.id} was not found: share the file in a channel the bot is in, or attach it in the form`,
    );
    expect((await rejection('F0NOSUCHFILE')).code).toBe('ERR_INPUT_INVALID');
  });

  it('reads a private file once it was submitted in a file input', async () => {
    const file = fake.addUserFile({ userId: 'U0ALICE', name: 'private.yaml', content: SPEC });
    expect((await rejection(file.id)).code).toBe('ERR_INPUT_INVALID');
    const [object] = fake.modals.filesForInput('U0ALICE', [file.id]);
    expect(object).toMatchObject({ id: file.id, name: 'private.yaml', filetype: 'yaml' });
    const trigger = fake.issueTriggerId('U0ALICE');
    const opened = await context.slack.views.open({
      trigger_id: trigger,
      view: {
        type: 'modal',
        title: { type: 'plain_text', text: 'Upload' },
        submit: { type: 'plain_text', text: 'Upload' },
        blocks: [
          {
            type: 'input',
            block_id: 'spec',
            label: { type: 'plain_text', text: 'Spec' },
            element: { type: 'file_input', action_id: 'value', filetypes: ['yaml'], max_files: 1 },
          },
        ],
      },
    });
    fake.modals.setState(opened.view?.id ?? '', {
      spec: { value: { type: 'file_input', files: [object ?? {}] } },
    });
    expect((await readPipelineSpecFile(file.id, context)).toString('utf8')).toBe(SPEC);
  });

  it('explains a missing files:read scope', async () => {
    const scoped = new SlackFake({
      scopes: defaultScopes.filter((scope) => scope !== 'files:read'),
    });
    await scoped.start();
    try {
      const file = scoped.addUserFile({
        userId: 'U0ALICE',
        name: 'pipeline.yaml',
        content: SPEC,
        channels: ['C0GENERAL'],
      });
      const error = await rejection(file.id, {
        ...context,
        slack: new WebClient(scoped.botToken, {
          slackApiUrl: scoped.apiUrl,
          retryConfig: { retries: 0 },
        }),
      });
      expect(error.message).toMatch(/lacks the files:read scope/);
    } finally {
      await scoped.stop();
    }
  });

  it('retries later when Slack is rate limited', async () => {
    const file = share('pipeline.yaml', SPEC);
    fake.failNext('files.info', 'ratelimited');
    const error = await rejection(file.id);
    expect(error.code).toBe('ERR_SLACK_API');
  });

  it('never sends the token to a download address outside Slack', async () => {
    const foreign = {
      ...context,
      slack: {
        slackApiUrl: fake.apiUrl,
        files: {
          info: async () => ({
            ok: true,
            file: {
              id: 'F0FOREIGN',
              name: 'pipeline.yaml',
              size: 10,
              url_private_download: 'http://files.example.invalid/pipeline.yaml',
            },
          }),
        },
      } as unknown as WebClient,
    };
    const error = await rejection('F0FOREIGN', foreign);
    expect(error.message).toBe(
      'pipeline_spec_file "pipeline.yaml" has a download address outside Slack (files.example.invalid)',
    );
  });
});

describe('Slack fake file downloads', () => {
  let fake: SlackFake;

  beforeAll(async () => {
    fake = new SlackFake();
    await fake.start();
  });

  afterAll(async () => {
    await fake.stop();
  });

  async function downloadUrl(fileId: string): Promise<string> {
    const client = new WebClient(fake.botToken, { slackApiUrl: fake.apiUrl });
    const info = (await client.files.info({ file: fileId })) as {
      file: { url_private_download: string };
    };
    return info.file.url_private_download;
  }

  it('serves the bytes to the bot token only', async () => {
    const file = fake.addUserFile({
      userId: 'U0BOB',
      name: 'pipeline.yaml',
      content: SPEC,
      channels: ['C0GENERAL'],
    });
    const url = await downloadUrl(file.id);
    expect(url.startsWith(fake.apiUrl.replace(/api\/$/, 'files-pri/'))).toBe(true);

    const withToken = await fetch(url, { headers: { authorization: `Bearer ${fake.botToken}` } });
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toBe(SPEC);

    const withoutToken = await fetch(url);
    expect(withoutToken.status).toBe(200);
    expect(withoutToken.headers.get('content-type')).toMatch(/^text\/html/);

    const wrongToken = await fetch(url, { headers: { authorization: 'Bearer xoxb-other' } });
    expect(wrongToken.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('rejects a view with a file input without files:read', async () => {
    const scoped = new SlackFake({
      scopes: defaultScopes.filter((scope) => scope !== 'files:read'),
    });
    await scoped.start();
    try {
      const client = new WebClient(scoped.botToken, {
        slackApiUrl: scoped.apiUrl,
        retryConfig: { retries: 0 },
      });
      const opening = client.views.open({
        trigger_id: scoped.issueTriggerId('U0ALICE'),
        view: {
          type: 'modal',
          title: { type: 'plain_text', text: 'Upload' },
          submit: { type: 'plain_text', text: 'Upload' },
          blocks: [
            {
              type: 'input',
              label: { type: 'plain_text', text: 'Spec' },
              element: { type: 'file_input', action_id: 'value' },
            },
          ],
        },
      });
      await expect(opening).rejects.toThrow(/missing_scope/);
    } finally {
      await scoped.stop();
    }
  });

  it('posts the share of a user file in its channel', () => {
    const file = fake.addUserFile({
      userId: 'U0BOB',
      name: 'shared.yaml',
      content: SPEC,
      channels: ['C0GENERAL'],
    });
    const shared = fake.messages('C0GENERAL').find((message) => message.files?.[0]?.id === file.id);
    expect(shared).toMatchObject({ user: 'U0BOB', subtype: 'file_share' });
  });
});
