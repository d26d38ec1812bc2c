import { describe, expect, it } from 'vitest';
import { parseInlineArguments } from '../../src/commands/parse-inline-arguments.js';

function parse(text: string) {
  const result = parseInlineArguments(text);
  if (!result.ok) {
    throw new Error(result.message);
  }
  return result.arguments;
}

describe('parseInlineArguments', () => {
  it('splits words and key=value pairs', () => {
    const parsed = parse('train name=my-run instance=m2.c4m8');
    expect(parsed.words).toEqual(['train']);
    expect(parsed.named.get('name')).toBe('my-run');
    expect(parsed.named.get('instance')).toBe('m2.c4m8');
  });

  it('keeps spaces inside straight quotes', () => {
    const parsed = parse('train image="Ubuntu 22.04 CPU TensorFlow Training"');
    expect(parsed.named.get('image')).toBe('Ubuntu 22.04 CPU TensorFlow Training');
  });

  it('accepts typographic quotes that Slack clients insert', () => {
    const parsed = parse('train image=“Ubuntu 22.04 CPU” tags=‘a=b’');
    expect(parsed.named.get('image')).toBe('Ubuntu 22.04 CPU');
    expect(parsed.named.get('tags')).toBe('a=b');
  });

  it('keeps later equals signs in the value', () => {
    expect(parse('train hyperparameter_list=lr=0.1').named.get('hyperparameter_list')).toBe(
      'lr=0.1',
    );
  });

  it('normalises key case and dashes', () => {
    expect(parse('train Training-Name=x').named.get('training_name')).toBe('x');
  });

  it('rejects an unclosed quote', () => {
    const result = parseInlineArguments('train name="open');
    expect(result.ok).toBe(false);
  });

  it('rejects a key given twice', () => {
    const result = parseInlineArguments('train name=a name=b');
    expect(result).toEqual({
      ok: false,
      message: '`name` is given twice; give each argument once',
    });
  });

  it('returns no words for empty text', () => {
    expect(parse('   ').words).toEqual([]);
  });
});
