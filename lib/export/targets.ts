/**
 * The services an export can be made for: each target's line layout is in `chat-format.ts`, its
 * published limits are here, with where and when they were published, so the checks can show the
 * number and its source (fine-tuning-facts.md: "show the number and where it comes from").
 *
 * A limit that could not be verified in the service's own documentation is left out, not guessed;
 * the comment on each target says which.
 */

/** The layouts Trainset writes. `openai` is the notebook's chat format and the default. */
export type ExportTarget = 'openai' | 'vertex-gemini' | 'bedrock' | 'alpaca';

/** Every target, in the order the CLI's help and the app list them. */
export const EXPORT_TARGETS: readonly ExportTarget[] = ['openai', 'vertex-gemini', 'bedrock', 'alpaca'];

export function isExportTarget(value: string): value is ExportTarget {
  return (EXPORT_TARGETS as readonly string[]).includes(value);
}

/** Where a number is published. `date`: when that page said so, as precisely as it is known. */
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

export interface TargetInfo {
  id: ExportTarget;
  /** Short name for messages, e.g. "Claude 3 Haiku on Amazon Bedrock". */
  name: string;
  /** The services and tools that read this layout. */
  services: string[];
  extension: '.jsonl';
  limits: TargetLimits;
}

const MB = 1_000_000;
const GB = 1_000_000_000;

// As collected in shared/docs/fine-tuning-facts.md.
const OPENAI_GUIDE: LimitSource = {
  title: "OpenAI's fine-tuning guide",
  url: 'https://platform.openai.com/docs/guides/fine-tuning',
  date: 'undated in the facts file; the limits of gpt-4o-2024-08-06 fine-tuning (OpenAI stops new fine-tuning jobs on 2027-01-06)',
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

/**
 * The target table. OpenAI's numbers are the facts file's; the others were read from the services'
 * documentation (stored copies, November 2026).
 */
export const TARGETS: Readonly<Record<ExportTarget, TargetInfo>> = {
  openai: {
    id: 'openai',
    name: 'OpenAI',
    services: ['OpenAI', 'Azure OpenAI', 'Together', 'Fireworks', 'Mistral', 'Hugging Face TRL (SFTTrainer, conversational)'],
    extension: '.jsonl',
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
  },
  'vertex-gemini': {
    id: 'vertex-gemini',
    name: 'Gemini on Vertex AI',
    services: ['Google Vertex AI supervised fine-tuning of Gemini models'],
    extension: '.jsonl',
    // Not verified, so left out: a minimum number of examples (the current pages give none; an
    // older page for earlier models required 16), and a size limit for the validation file. The
    // page also lists newer models (Gemini 3.5) whose table could not be read.
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
  bedrock: {
    id: 'bedrock',
    name: 'Claude 3 Haiku on Amazon Bedrock',
    services: ['Amazon Bedrock fine-tuning of Anthropic Claude 3 Haiku'],
    extension: '.jsonl',
    // Amazon publishes no recommended number of examples. The page lists "Minimum number of
    // records: 32" without saying which file; it is checked against the training file. The Claude
    // 3 Haiku model card gives an end-of-life date of 2026-09-10: check that Bedrock still tunes it.
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
  },
  alpaca: {
    id: 'alpaca',
    name: 'the Alpaca instruction format',
    services: ['Open-source trainers that read instruction datasets (Axolotl, LLaMA-Factory, Unsloth and others)'],
    extension: '.jsonl',
    // No service: no hard limits. The trainer's maximum sequence length is the token limit, and the
    // generic advice on the number of examples applies.
    limits: {},
  },
};

/**
 * The advice used for a target that publishes none: OpenAI's, the one the notebook was written for.
 */
export const GENERIC_RECOMMENDATION: Recommendation = TARGETS.openai.limits.recommendedTrainExamples!;
