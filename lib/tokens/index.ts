/**
 * Tokens and training cost: the model presets (encoding, token limit per example, training price,
 * each with its source), gpt-tokenizer's counters loaded on demand, the chat-example count and the
 * cost estimate of OpenAI's data-preparation notebook, a streaming tally for a million rows, and
 * `estimateTraining`, which puts them together over an export's rows. Framework-free: the CLI's
 * `check` and the app's worker both use it.
 */
export { MODEL_PRESETS, DEFAULT_MODEL_ID, findModel, type ModelPreset, type Sourced, type TokenEncoding } from './models';
export { loadTokenCounter, tokenCounter } from './counter';
export {
  ChatExampleCounter,
  ExampleTokens,
  notebookTokens,
  TOKENS_PER_EXAMPLE,
  TOKENS_PER_MESSAGE,
  TOKENS_PER_NAME,
  type ChatMessage,
  type ExampleSettings,
} from './chat';
export { TokenTally, type LongExample, type TallyOptions, type TokenSummary } from './tally';
export { defaultEpochs, estimateCost, type CostEstimate, type CostOptions } from './estimate';
export { estimateTraining, estimateTrainingSteps, TRAINING_STEP_ROWS, type ExampleRows, type TrainingEstimate, type TrainingOptions } from './training';
