import { ErrorCodes, Message, ResponseError, type Connection, type MessageStrategy } from 'vscode-languageserver/node';

/** The method a request the lifecycle refuses is renamed to, so that one handler answers it with the error. */
const REFUSED = '$/govmd/refusedByLifecycle';

interface Refusal {
  code: number;
  message: string;
}

/**
 * The LSP lifecycle as the specification states it: before `initialize` every request is answered
 * with ServerNotInitialized (-32002) and every notification but `exit` is dropped; after
 * `shutdown` every request is answered with InvalidRequest (-32600) and notifications but `exit`
 * are dropped. Without this, a request before `initialize` waited forever for settings that are
 * only read after it.
 *
 * It is a message strategy (jsonrpc's hook in front of every handler) so that no handler, ours
 * or a library's, can forget it. A strategy cannot write a reply itself; it renames the refused
 * request to a method whose only handler returns the error, keeping the request's id.
 */
export class Lifecycle implements MessageStrategy {
  private state: 'new' | 'running' | 'shutdown' = 'new';

  handleMessage(message: Message, next: (message: Message) => void): void {
    if (Message.isRequest(message)) {
      const refusal = this.refusalOf(message.method);
      if (message.method === 'initialize' && this.state === 'new') this.state = 'running';
      else if (message.method === 'shutdown' && this.state === 'running') this.state = 'shutdown';
      if (refusal) return next({ ...message, method: REFUSED, params: refusal } as Message);
      return next(message);
    }
    if (Message.isNotification(message) && message.method !== 'exit' && this.state !== 'running') return;
    next(message);
  }

  /** Answers the requests `handleMessage` refused. */
  listen(connection: Connection): void {
    connection.onRequest(REFUSED, (refusal: Refusal) => new ResponseError(refusal.code, refusal.message));
  }

  private refusalOf(method: string): Refusal | undefined {
    if (this.state === 'new' && method !== 'initialize') {
      return { code: ErrorCodes.ServerNotInitialized, message: `${method}: the server is not initialized yet; send "initialize" first` };
    }
    if (this.state === 'shutdown') return { code: ErrorCodes.InvalidRequest, message: `${method}: the server is shut down; only "exit" is accepted` };
    return undefined;
  }
}
