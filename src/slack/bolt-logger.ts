import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../logger.js';

const PINO_LEVELS: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** Routes Bolt's and the Web API client's log lines into pino, under `component: slack`. */
export function createSlackLogger(logger: Logger, name = 'slack'): SlackLogger {
  let child = logger.child({ component: name });
  const write = (level: 'debug' | 'info' | 'warn' | 'error', messages: unknown[]) => {
    const [first, ...rest] = messages;
    const text = typeof first === 'string' ? first : 'slack client message';
    if (rest.length > 0 || typeof first !== 'string') {
      child[level]({ details: typeof first === 'string' ? rest : messages }, text);
    } else {
      child[level](text);
    }
  };
  return {
    debug: (...messages) => write('debug', messages),
    info: (...messages) => write('info', messages),
    warn: (...messages) => write('warn', messages),
    error: (...messages) => write('error', messages),
    setLevel: (level) => {
      child.level = PINO_LEVELS[level];
    },
    getLevel: () => {
      const entry = Object.entries(PINO_LEVELS).find(([, value]) => value === child.level);
      return (entry?.[0] as LogLevel | undefined) ?? LogLevel.INFO;
    },
    setName: (newName) => {
      child = logger.child({ component: newName });
    },
  };
}
