// Temporal's worker logs every state change at INFO; tests keep warnings and errors only.
import { DefaultLogger, Runtime } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('ERROR') });
