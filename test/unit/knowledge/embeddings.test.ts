import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/core/config.js';
import { normalise, signBits } from '../../../src/services/knowledge/embeddings.service.js';
import { vectorScore } from '../../../src/services/knowledge/retrieval.service.js';

describe('embeddings configuration', () => {
  it('is off unless base URL and model are both set, with defaults for the rest', () => {
    expect(loadConfig({}).knowledge.embeddings).toBeUndefined();
    expect(loadConfig({ EMBEDDINGS_BASE_URL: 'http://localhost:11434/v1/', EMBEDDINGS_MODEL: 'bge-m3' }).knowledge.embeddings).toEqual({
      baseUrl: 'http://localhost:11434/v1',
      apiKey: 'none',
      model: 'bge-m3',
      timeoutMs: 15_000,
      maxRetries: 2,
      batchSize: 32,
      minSimilarity: 0.5,
    });
  });

  it('refuses half a configuration and bad values', () => {
    try {
      loadConfig({ EMBEDDINGS_BASE_URL: 'ftp://x', EMBEDDINGS_MIN_SIMILARITY: '1.5', EMBEDDINGS_BATCH_SIZE: '0' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('EMBEDDINGS_BASE_URL: must be a URL starting with http:// or https://');
      expect(problems).toContain('EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL must be set together');
      expect(problems).toContain('EMBEDDINGS_MIN_SIMILARITY');
      expect(problems).toContain('EMBEDDINGS_BATCH_SIZE: must be at least 1');
    }
  });
});

describe('vectors', () => {
  it('normalises to unit length and refuses vectors without a direction', () => {
    expect(normalise([3, 4])).toEqual([0.6, 0.8]);
    expect(normalise([0, 0])).toBeNull();
    expect(normalise([1, Number.NaN])).toBeNull();
    expect(signBits([0.5, -0.1, 0, 2])).toBe('1001');
  });

  it('maps cosine similarity onto the answer threshold: the minimum similarity lands on it', () => {
    expect(vectorScore(0.5, 0.5, 0.45)).toBeCloseTo(0.45);
    expect(vectorScore(1, 0.5, 0.45)).toBe(1);
    expect(vectorScore(-0.2, 0.5, 0.45)).toBe(0);
    expect(vectorScore(0.25, 0.5, 0.45)).toBeCloseTo(0.225);
    expect(vectorScore(0.75, 0.5, 0.45)).toBeCloseTo(0.725);
    for (let s = 0; s < 1; s += 0.05) expect(vectorScore(s + 0.05, 0.6, 0.45)).toBeGreaterThanOrEqual(vectorScore(s, 0.6, 0.45));
  });
});
