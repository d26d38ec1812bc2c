import { describe, expect, it } from 'vitest';
import { toInlineParameters } from '../../src/commands/inline-parameters.js';
import type { CreatableDescription } from '../../src/resources/index.js';
import { trainingDescription } from '../../src/resources/training.js';

const description = trainingDescription as unknown as CreatableDescription;

describe('toInlineParameters', () => {
  it('maps aliases to SDK names', () => {
    const result = toInlineParameters(
      description,
      new Map([
        ['image', 'x'],
        ['name', 'run'],
      ]),
    );
    expect(result).toEqual({ ok: true, raw: { image_name: 'x', training_name: 'run' } });
  });

  it('rejects a parameter given under two names', () => {
    const result = toInlineParameters(
      description,
      new Map([
        ['training_name', 'first'],
        ['name', 'second'],
      ]),
    );
    expect(result).toEqual({
      ok: false,
      duplicate: '`training_name` and `name` both set training_name; give it once',
    });
  });

  it('lists unknown names', () => {
    const result = toInlineParameters(description, new Map([['gpus', '2']]));
    expect(result).toEqual({ ok: false, unknownNames: ['gpus'] });
  });
});
