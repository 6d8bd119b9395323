import { compactJsonString, pythonJsonString } from './python-json';
import { TARGETS, type ExportTarget } from './targets';
import type { AnswerMode, JsonStyle } from './types';

/**
 * One training example per line, in the target's envelope; the default (`openai`) is the notebook's
 * `{"messages": [system, user, assistant]}`. The answer is the labels as a JSON object *string*
 * (so it is escaped twice, as in the notebook), or with `text` answers the answer as it is (escaped
 * once, like the user message), the same in every target.
 * Every line is `prefix + user + middle + assistant + suffix`; prefix and middle are the same for
 * all rows, so they are built once.
 */
export interface ChatFormat {
  /** JSON string literal for a text value. */
  str(s: string): string;
  /** False when `JSON string literal = '"' + s + '"'` (nothing to escape): the fast path for most rows. */
  needsEscape(s: string): boolean;
  /** Everything before the user content. */
  prefix: string;
  /** Between the user content and the assistant content. */
  middle: string;
  /** After the assistant content, including the newline. */
  suffix: string;
  /**
   * The assistant content for one row's label values (in `keys` order), as a JSON string literal:
   * the labels' JSON object, or with `text` answers the one value itself.
   */
  assistant(keys: readonly string[], values: readonly string[]): string;
}

// No /g flag: .test() must not carry lastIndex from one call to the next.
// eslint-disable-next-line no-control-regex -- control characters are what JSON must escape
const PYTHON_SPECIAL = /["\\\u0000-\u001f\u007f-\uffff]/;
// Surrogates go the slow way too, so a lone one is escaped exactly as JSON.stringify does.
// eslint-disable-next-line no-control-regex -- control characters are what JSON must escape
const COMPACT_SPECIAL = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * The line layout of `target` (`TARGETS[target].layout`, fine-tuning-facts.md), keys in the order
 * the services document them, escaped as the default's (`json.dumps`, ASCII, in the python style)
 * so that every layout's file is written the same way. An empty system prompt leaves out the
 * optional system field or turn of Vertex AI, both Bedrock layouts and ShareGPT: an empty one is at
 * best noise. The OpenAI chat layout keeps its empty system message (the notebook's bytes) and
 * Alpaca its empty `instruction` (every line keeps the same keys).
 */
export function chatFormat(style: JsonStyle, systemPrompt: string, target: ExportTarget = 'openai', answer: AnswerMode = 'labels'): ChatFormat {
  const str = style === 'python' ? pythonJsonString : compactJsonString;
  // json.dumps defaults separate items with ", " and keys from values with ": ".
  const [comma, colon] = style === 'python' ? [', ', ': '] : [',', ':'];
  const sys = str(systemPrompt);
  const special = style === 'python' ? PYTHON_SPECIAL : COMPACT_SPECIAL;
  const key = (name: string): string => `"${name}"${colon}`;
  const layout = ((): Pick<ChatFormat, 'prefix' | 'middle' | 'suffix'> => {
    switch (TARGETS[target].layout) {
      case 'openai-chat':
        return {
          prefix: `{${key('messages')}[{${key('role')}"system"${comma}${key('content')}${sys}}${comma}{${key('role')}"user"${comma}${key('content')}`,
          middle: `}${comma}{${key('role')}"assistant"${comma}${key('content')}`,
          suffix: `}]}\n`,
        };
      case 'vertex-gemini': {
        const part = (role: string): string => `{${key('role')}"${role}"${comma}${key('parts')}[{${key('text')}`;
        const system = systemPrompt === '' ? '' : `${key('systemInstruction')}${part('system')}${sys}}]}${comma}`;
        return {
          prefix: `{${system}${key('contents')}[${part('user')}`,
          middle: `}]}${comma}${part('model')}`,
          suffix: `}]}]}\n`,
        };
      }
      case 'bedrock-conversation': {
        // Amazon Nova: every text is a list of content blocks, the system prompt too.
        const system = systemPrompt === '' ? '' : `${key('system')}[{${key('text')}${sys}}]${comma}`;
        const turn = (role: string): string => `{${key('role')}"${role}"${comma}${key('content')}[{${key('text')}`;
        return {
          prefix: `{${key('schemaVersion')}"bedrock-conversation-2024"${comma}${system}${key('messages')}[${turn('user')}`,
          middle: `}]}${comma}${turn('assistant')}`,
          suffix: `}]}]}\n`,
        };
      }
      case 'bedrock-claude': {
        const system = systemPrompt === '' ? '' : `${key('system')}${sys}${comma}`;
        return {
          prefix: `{${system}${key('messages')}[{${key('role')}"user"${comma}${key('content')}`,
          middle: `}${comma}{${key('role')}"assistant"${comma}${key('content')}`,
          suffix: `}]}\n`,
        };
      }
      case 'sharegpt': {
        const turn = (from: string): string => `{${key('from')}"${from}"${comma}${key('value')}`;
        const system = systemPrompt === '' ? '' : `${turn('system')}${sys}}${comma}`;
        return {
          prefix: `{${key('conversations')}[${system}${turn('human')}`,
          middle: `}${comma}${turn('gpt')}`,
          suffix: `}]}\n`,
        };
      }
      case 'alpaca':
        return { prefix: `{${key('instruction')}${sys}${comma}${key('input')}`, middle: `${comma}${key('output')}`, suffix: `}\n` };
    }
  })();
  return {
    str,
    needsEscape: (s) => special.test(s),
    ...layout,
    assistant(keys, values) {
      if (answer === 'text') return str(values[0] ?? '');
      const inner = keys.map((k, i) => `${str(k)}${colon}${str(values[i]!)}`).join(comma);
      return str(`{${inner}}`);
    },
  };
}
