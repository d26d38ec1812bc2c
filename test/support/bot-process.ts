import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Returns a TCP port that was free a moment ago on 127.0.0.1. */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) {
    throw new Error('no free port');
  }
  return address.port;
}

/**
 * Runs the bot as its own process (`src/main.ts` under tsx), as a deployment would, so that a
 * test can kill it with SIGKILL in the middle of its work.
 */
export class BotProcess {
  private child: ChildProcess | undefined;
  output = '';

  constructor(private readonly environment: Record<string, string>) {}

  get url(): string {
    return `http://127.0.0.1:${this.environment.PORT}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, ...this.environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
    });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
    });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new Error(`bot exited with ${this.child.exitCode}:\n${this.output}`);
      }
      if (this.environment.BOT_ROLE === 'worker') {
        // A worker serves no HTTP; it logs its start at info level.
        if (this.output.includes('easymaker-bot started')) {
          return;
        }
        await sleep(100);
        continue;
      }
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) {
          return;
        }
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`bot did not start within 20 s:\n${this.output}`);
  }

  /** Ends the process at once, as a crash or an out-of-memory kill would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    await this.kill();
  }
}
