/** A typed request/response channel over postMessage (worker ↔ page), with events beside it. */
export { connect, expose, transfer, serializeError, deserializeError, type Connection, type Endpoint, type Remote, type SerializedError } from './rpc';
