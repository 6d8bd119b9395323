/**
 * The services an export can be made for: each target's line layout is in `chat-format.ts`, its
 * published limits and rules are here, with where and when they were published, so the checks can
 * show the number and its source (fine-tuning-facts.md: "show the number and where it comes from").
 *
 * A limit or rule that could not be verified in the service's own documentation is left out, not
 * guessed; the comment on each target says which.
 */

/** The services Trainset writes for. `openai` is the notebook's chat format and the default. */
export type ExportTarget =
  'openai' | 'together' | 'fireworks' | 'huggingface' | 'sharegpt' | 'bedrock-nova' | 'vertex-gemini' | 'alpaca' | 'bedrock-claude-haiku';

/** Every target, in the order the CLI's help and the app list them. */
export const EXPORT_TARGETS: readonly ExportTarget[] = [
  'openai',
  'together',
  'fireworks',
  'huggingface',
  'sharegpt',
  'bedrock-nova',
  'vertex-gemini',
  'alpaca',
  'bedrock-claude-haiku',
];

export function isExportTarget(value: string): value is ExportTarget {
  return (EXPORT_TARGETS as readonly string[]).includes(value);
}

/**
 * Ids an older build wrote, and the target each now is: `bedrock` was the Claude 3 Haiku layout
 * before Amazon Nova's became the Bedrock target. A restored session keeps the layout it chose.
 */
export const RENAMED_TARGETS: Readonly<Record<string, ExportTarget>> = { bedrock: 'bedrock-claude-haiku' };

/**
 * The envelopes of a line (fine-tuning-facts.md). Several targets share one: `openai-chat` is
 * `{"messages": [{"role", "content"}]}`, read by OpenAI, Together, Fireworks and Hugging Face TRL.
 */
export type Layout = 'openai-chat' | 'vertex-gemini' | 'bedrock-conversation' | 'bedrock-claude' | 'sharegpt' | 'alpaca';

/** Each layout's name, for messages about a file read in (which layout it is in). */
export const LAYOUT_NAMES: Readonly<Record<Layout, string>> = {
  'openai-chat': 'OpenAI chat layout ({"messages": […]})',
  'vertex-gemini': 'Vertex AI Gemini layout ({"systemInstruction", "contents"})',
  'bedrock-conversation': 'Amazon Bedrock conversation layout ({"schemaVersion": "bedrock-conversation-2024", …})',
  'bedrock-claude': 'Amazon Bedrock Claude layout ({"system", "messages"})',
  sharegpt: 'ShareGPT layout ({"conversations": […]})',
  alpaca: 'Alpaca layout ({"instruction", "input", "output"})',
};

/** How the app groups the targets in its choice. */
export type TargetGroup = 'chat' | 'cloud' | 'open-source' | 'legacy';

/** Where a number or a rule is published. `date`: when that page said so, as precisely as it is known. */
export interface LimitSource {
  title: string;
  url: string;
  date: string;
}

export interface PublishedLimit {
  value: number;
  source: LimitSource;
  /**
   * True when the service refuses a file past the limit (a check reports an error); false for
   * advice, or a limit with a documented way round it (a warning).
   */
  refuses: boolean;
  /** What the service says beside the number: the models it applies to, the way round it. */
  note?: string;
}

/** A recommended size, with the advice as the service words it (for messages). */
export interface Recommendation extends PublishedLimit {
  /** The advice as a clause, e.g. "results usually improve clearly from 50 to 100 training examples". */
  advice: string;
}

export interface TargetLimits {
  /** The fewest training examples the service accepts. */
  minTrainExamples?: PublishedLimit;
  recommendedTrainExamples?: Recommendation;
  maxTrainExamples?: PublishedLimit;
  maxValidationExamples?: PublishedLimit;
  /** Training and validation examples together. */
  maxTotalExamples?: PublishedLimit;
  /** Tokens per example, input and output together; longer examples are cut or refused. */
  maxTokensPerExample?: PublishedLimit;
  /** Bytes, decimal (1 MB = 1,000,000 bytes): the stricter reading of the published "MB"/"GB". */
  maxTrainFileBytes?: PublishedLimit;
  maxValidationFileBytes?: PublishedLimit;
}

/** The limits a check compares counts and file sizes with (the others feed the thresholds). */
export type FileLimitName = 'maxTrainExamples' | 'maxValidationExamples' | 'maxTotalExamples' | 'maxTrainFileBytes' | 'maxValidationFileBytes';

/**
 * The order of the messages in one example, as a service requires it. Trainset's own lines always
 * follow these (system, user, assistant); a JSONL file read in may not (`lib/jsonl`'s role order).
 * A system message counts as a message: it is the first one when there is one.
 */
export interface ConversationRules {
  /** The first message is a system or a user message. */
  startsWithSystemOrUser?: boolean;
  /** After an optional first system message, user and assistant messages take turns, from a user message. */
  alternates?: boolean;
  /** The last message is the assistant's. */
  endsWithAssistant?: boolean;
  source: LimitSource;
}

export interface TargetNotice {
  /** One sentence for the export panel and the CLI's help. */
  text: string;
  /** Past its end of life (or nearly): offered last, as a legacy option. */
  legacy: boolean;
  source: LimitSource;
}

export interface TargetInfo {
  id: ExportTarget;
  /** Short name for messages, e.g. "Claude 3 Haiku on Amazon Bedrock". */
  name: string;
  /** The services and tools that read this layout. */
  services: string[];
  layout: Layout;
  group: TargetGroup;
  extension: '.jsonl';
  /** Where the layout is documented, and when it was read. */
  source: LimitSource;
  limits: TargetLimits;
  /** The order of messages the service requires, when it publishes one. */
  rules?: ConversationRules;
  /** What a user should know before choosing it: a shutdown, an end of life. */
  notice?: TargetNotice;
}

const MB = 1_000_000;
const GB = 1_000_000_000;

// As collected in shared/docs/fine-tuning-facts.md.
const OPENAI_GUIDE: LimitSource = {
  title: "OpenAI's fine-tuning guide",
  url: 'https://platform.openai.com/docs/guides/fine-tuning',
  date: 'undated in the facts file; the limits of gpt-4o-2024-08-06 fine-tuning (OpenAI stops new fine-tuning jobs on 2027-01-06)',
};

const OPENAI_DEPRECATIONS: LimitSource = {
  title: 'OpenAI, "Deprecations" (self-serve fine-tuning)',
  url: 'https://platform.openai.com/docs/deprecations',
  date: 'notice of 2026-05-07, read 2026-12-06',
};

const VERTEX_ABOUT: LimitSource = {
  title: 'Vertex AI, "About supervised fine-tuning for Gemini models", Limitations (Gemini 2.5 Flash, Flash-Lite and Pro)',
  url: 'https://cloud.google.com/vertex-ai/generative-ai/docs/models/gemini-supervised-tuning',
  date: 'undated in the copy read (its Gemini 2.5 table), read 2026-11',
};

const VERTEX_PREPARE: LimitSource = {
  title: 'Vertex AI, "Prepare supervised fine-tuning data for Gemini models"',
  url: 'https://cloud.google.com/vertex-ai/generative-ai/docs/models/gemini-supervised-tuning-prepare',
  date: 'last updated 2025-09-04, read 2026-11',
};

const BEDROCK_REQUIREMENTS: LimitSource = {
  title: 'Amazon Bedrock User Guide, "Model requirements for training and validation datasets" (Anthropic Claude 3 Haiku)',
  url: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-prepare.html#model-training-validation-requirements',
  date: 'undated in the copy read (Claude 3 Haiku fine-tuning generally available since 2024-11-01), read 2026-11',
};

// The services' own pages, read 2026-12-06 (fine-tuning-facts.md, "Where the files go now").
const READ = 'read 2026-12-06';

const TOGETHER_DATA: LimitSource = {
  title: 'Together AI docs, "Data preparation" (fine-tuning)',
  url: 'https://docs.together.ai/docs/fine-tuning-data-preparation',
  date: READ,
};

const FIREWORKS_SFT: LimitSource = {
  title: 'Fireworks docs, "Fine-tuning models" (prepare a dataset)',
  url: 'https://docs.fireworks.ai/fine-tuning/fine-tuning-models',
  date: READ,
};

const TRL_FORMATS: LimitSource = {
  title: 'Hugging Face TRL docs, "Dataset formats and types" (conversational)',
  url: 'https://huggingface.co/docs/trl/dataset_formats',
  date: READ,
};

const LLAMA_FACTORY_DATA: LimitSource = {
  title: 'LLaMA-Factory, data/README.md (ShareGPT format)',
  url: 'https://github.com/hiyouga/LLaMA-Factory/blob/main/data/README.md',
  date: READ,
};

const NOVA_SFT: LimitSource = {
  title: 'Amazon Bedrock User Guide, "nova-2-sft-data-prep" (supervised fine-tuning data for Amazon Nova)',
  url: 'https://docs.aws.amazon.com/bedrock/latest/userguide/nova-2-sft-data-prep.html',
  date: READ,
};

const CLAUDE_HAIKU_CARD: LimitSource = {
  title: 'AWS model card, Anthropic Claude 3 Haiku on Amazon Bedrock (end of life)',
  url: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html',
  date: READ,
};

const ALPACA_DATA: LimitSource = {
  title: 'Stanford Alpaca, README ("Data Release": instruction, input, output)',
  url: 'https://github.com/tatsu-lab/stanford_alpaca',
  date: READ,
};

/**
 * The target table. OpenAI's numbers are the facts file's; Vertex AI's and Claude 3 Haiku's were
 * read from the services' documentation (stored copies, November 2026); the others' as the facts
 * file gives them (the services' pages, read 2026-12-06).
 */
export const TARGETS: Readonly<Record<ExportTarget, TargetInfo>> = {
  openai: {
    id: 'openai',
    name: 'OpenAI',
    services: ['OpenAI', 'Azure OpenAI', 'Mistral (whose fine-tuning is now among its deprecated features)'],
    layout: 'openai-chat',
    group: 'chat',
    extension: '.jsonl',
    source: OPENAI_GUIDE,
    // These are OpenAI's limits; the other services reading this layout publish their own, which
    // are not checked. OpenAI publishes no maximum number of examples.
    limits: {
      minTrainExamples: { value: 10, source: OPENAI_GUIDE, refuses: true },
      recommendedTrainExamples: {
        value: 50,
        source: OPENAI_GUIDE,
        refuses: false,
        advice: 'results usually improve clearly from 50 to 100 training examples',
      },
      maxTokensPerExample: {
        value: 65_536,
        source: OPENAI_GUIDE,
        refuses: false,
        note: 'gpt-4o-2024-08-06 and gpt-4o-mini-2024-07-18; longer examples are truncated (16,385 for gpt-3.5-turbo-0125)',
      },
      maxTrainFileBytes: {
        value: 512 * MB,
        source: OPENAI_GUIDE,
        refuses: false,
        note: 'through the Files API; the multi-part Uploads API takes files up to 8 GB',
      },
      maxValidationFileBytes: {
        value: 512 * MB,
        source: OPENAI_GUIDE,
        refuses: false,
        note: 'through the Files API; the multi-part Uploads API takes files up to 8 GB',
      },
    },
    notice: {
      text: 'OpenAI stops new fine-tuning jobs on 6 January 2027; the same files go to Together, Fireworks and Hugging Face TRL.',
      legacy: false,
      source: OPENAI_DEPRECATIONS,
    },
  },
  together: {
    id: 'together',
    name: 'Together AI',
    services: ['Together AI fine-tuning (the OpenAI chat layout)'],
    layout: 'openai-chat',
    group: 'chat',
    extension: '.jsonl',
    source: TOGETHER_DATA,
    // Together publishes no number of examples or file size in the page read. Its other rule, that a
    // file mixing two layouts is refused, is the JSONL reader's `layout_mismatch` error for every target.
    limits: {},
    rules: { startsWithSystemOrUser: true, alternates: true, source: TOGETHER_DATA },
  },
  fireworks: {
    id: 'fireworks',
    name: 'Fireworks',
    services: ['Fireworks supervised fine-tuning (OpenAI-compatible chat)'],
    layout: 'openai-chat',
    group: 'chat',
    extension: '.jsonl',
    source: FIREWORKS_SFT,
    // "3 to 3,000,000 examples" per dataset: checked against the training file (a validation dataset
    // is optional and its own minimum is not stated). No order of roles is published beyond the
    // roles themselves, so none is checked. An optional root-level `weight` is not written.
    limits: {
      minTrainExamples: { value: 3, source: FIREWORKS_SFT, refuses: true },
      maxTrainExamples: { value: 3_000_000, source: FIREWORKS_SFT, refuses: true, note: 'per dataset' },
    },
  },
  huggingface: {
    id: 'huggingface',
    name: 'Hugging Face TRL and Unsloth',
    services: ['Hugging Face TRL SFTTrainer (conversational "messages" datasets)', 'Unsloth', 'Axolotl'],
    layout: 'openai-chat',
    group: 'open-source',
    extension: '.jsonl',
    source: TRL_FORMATS,
    // Local training: no service limits. The model's chat template is applied at training time, and
    // the trainer's maximum sequence length is the token limit.
    limits: {},
  },
  sharegpt: {
    id: 'sharegpt',
    name: 'ShareGPT',
    services: ['LLaMA-Factory', 'Easy Dataset', "Unsloth (standardize_sharegpt turns it into 'messages')", 'Axolotl'],
    layout: 'sharegpt',
    group: 'open-source',
    extension: '.jsonl',
    source: LLAMA_FACTORY_DATA,
    limits: {},
  },
  'bedrock-nova': {
    id: 'bedrock-nova',
    name: 'Amazon Nova on Amazon Bedrock',
    services: ['Amazon Bedrock fine-tuning of Amazon Nova models (bedrock-conversation-2024)'],
    layout: 'bedrock-conversation',
    group: 'cloud',
    extension: '.jsonl',
    source: NOVA_SFT,
    // The facts file gives the layout only: Nova's numbers of examples and token limits were not
    // verified, so none is checked. Nova 2's optional reasoning content is not written.
    limits: {},
  },
  'vertex-gemini': {
    id: 'vertex-gemini',
    name: 'Gemini on Vertex AI',
    services: ['Google Vertex AI supervised fine-tuning of Gemini models (also branded Gemini Enterprise Agent Platform)'],
    layout: 'vertex-gemini',
    group: 'cloud',
    extension: '.jsonl',
    source: VERTEX_PREPARE,
    // Not verified, so left out: a minimum number of examples (the current pages give none; an
    // older page for earlier models required 16), and a size limit for the validation file. The
    // page also lists newer models (Gemini 3.x): the layout is the same, their table could not be read.
    limits: {
      recommendedTrainExamples: {
        value: 100,
        source: VERTEX_PREPARE,
        refuses: false,
        advice: 'Google recommends starting with 100 training examples',
      },
      maxTrainExamples: { value: 1_000_000, source: VERTEX_ABOUT, refuses: true, note: 'text-only examples (300,000 multimodal)' },
      maxValidationExamples: { value: 5000, source: VERTEX_ABOUT, refuses: true },
      maxTokensPerExample: {
        value: 131_072,
        source: VERTEX_ABOUT,
        refuses: false,
        note: 'input and output tokens per training example; the page does not say whether longer examples are cut or refused',
      },
      maxTrainFileBytes: { value: 1 * GB, source: VERTEX_ABOUT, refuses: true, note: 'JSONL' },
    },
  },
  alpaca: {
    id: 'alpaca',
    name: 'the Alpaca instruction format',
    services: ['Open-source trainers that read instruction datasets (Axolotl, LLaMA-Factory, Unsloth and others)'],
    layout: 'alpaca',
    group: 'open-source',
    extension: '.jsonl',
    source: ALPACA_DATA,
    // No service: no hard limits. The trainer's maximum sequence length is the token limit, and the
    // generic advice on the number of examples applies.
    limits: {},
  },
  'bedrock-claude-haiku': {
    id: 'bedrock-claude-haiku',
    name: 'Claude 3 Haiku on Amazon Bedrock',
    services: ['Amazon Bedrock fine-tuning of Anthropic Claude 3 Haiku (legacy)'],
    layout: 'bedrock-claude',
    group: 'legacy',
    extension: '.jsonl',
    source: BEDROCK_REQUIREMENTS,
    // Amazon publishes no recommended number of examples. The page lists "Minimum number of
    // records: 32" without saying which file; it is checked against the training file.
    limits: {
      minTrainExamples: { value: 32, source: BEDROCK_REQUIREMENTS, refuses: true },
      maxTrainExamples: { value: 10_000, source: BEDROCK_REQUIREMENTS, refuses: true },
      maxValidationExamples: { value: 1000, source: BEDROCK_REQUIREMENTS, refuses: true },
      maxTotalExamples: {
        value: 10_000,
        source: BEDROCK_REQUIREMENTS,
        refuses: false,
        note: 'a default quota, adjustable through Service Quotas',
      },
      maxTokensPerExample: {
        value: 32_000,
        source: BEDROCK_REQUIREMENTS,
        refuses: false,
        note: 'the page does not say whether longer records are cut or refused',
      },
      maxTrainFileBytes: { value: 10 * GB, source: BEDROCK_REQUIREMENTS, refuses: true },
      maxValidationFileBytes: { value: 1 * GB, source: BEDROCK_REQUIREMENTS, refuses: true },
    },
    // "First user, last assistant, alternating": the system prompt is a field of its own, so with it
    // as the first message the user's comes right after it.
    rules: { startsWithSystemOrUser: true, alternates: true, endsWithAssistant: true, source: BEDROCK_REQUIREMENTS },
    notice: {
      text:
        'Legacy: Claude 3 Haiku reached its end of life on Amazon Bedrock on 10 September 2026 in most regions ' +
        '(still listed in ca-central-1, eu-central-2 and sa-east-1; whether fine-tuning jobs are still accepted there is unverified). ' +
        'For Bedrock, choose Amazon Nova.',
      legacy: true,
      source: CLAUDE_HAIKU_CARD,
    },
  },
};

/** The targets of one group, in {@link EXPORT_TARGETS} order. */
export function targetsIn(group: TargetGroup): ExportTarget[] {
  return EXPORT_TARGETS.filter((t) => TARGETS[t].group === group);
}

/**
 * The advice used for a target that publishes none: OpenAI's, the one the notebook was written for.
 */
export const GENERIC_RECOMMENDATION: Recommendation = TARGETS.openai.limits.recommendedTrainExamples!;
