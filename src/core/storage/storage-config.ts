import { z } from 'zod';
import { boolVar, optionalString, urlVar } from '../env-vars.js';

/** An S3-compatible bucket for uploaded files and voice replies; unset: local disk under DATA_DIR. */
export interface S3StorageConfig {
  bucket: string;
  /** Unset: AWS's own endpoint for the region. */
  endpoint?: string;
  region: string;
  /** Unset: the SDK's default credential chain (instance role, AWS_* variables, profile). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key`: MinIO and most self-hosted stores need it. */
  forcePathStyle: boolean;
}

/** Spread into the environment schema of src/core/config.ts. */
export const storageEnvShape = {
  STORAGE_S3_BUCKET: optionalString.refine((v) => v === undefined || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v), {
    message: 'must be an S3 bucket name (3 to 63 lowercase letters, digits, dots and hyphens)',
  }),
  STORAGE_S3_ENDPOINT: urlVar(['http:', 'https:']),
  STORAGE_S3_REGION: optionalString,
  STORAGE_S3_ACCESS_KEY_ID: optionalString,
  STORAGE_S3_SECRET_ACCESS_KEY: optionalString,
  STORAGE_S3_FORCE_PATH_STYLE: boolVar(false),
};

type StorageEnv = z.output<z.ZodObject<typeof storageEnvShape>>;

/** S3 settings without a bucket, or half a key pair, would silently keep files on local disk or fail at the first upload. */
export function checkStorageEnv(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (Boolean(env.STORAGE_S3_ACCESS_KEY_ID) !== Boolean(env.STORAGE_S3_SECRET_ACCESS_KEY)) {
    problems.push('STORAGE_S3_SECRET_ACCESS_KEY: STORAGE_S3_ACCESS_KEY_ID and STORAGE_S3_SECRET_ACCESS_KEY must be set together');
  }
  const others = ['STORAGE_S3_ENDPOINT', 'STORAGE_S3_REGION', 'STORAGE_S3_ACCESS_KEY_ID', 'STORAGE_S3_FORCE_PATH_STYLE'].filter((k) => env[k]);
  if (!env.STORAGE_S3_BUCKET && others.length) problems.push(`STORAGE_S3_BUCKET: ${others.join(', ')} set but STORAGE_S3_BUCKET is not`);
  return problems;
}

/** Undefined when files stay on local disk. */
export function storageConfigFrom(e: StorageEnv): S3StorageConfig | undefined {
  if (!e.STORAGE_S3_BUCKET) return undefined;
  return {
    bucket: e.STORAGE_S3_BUCKET,
    endpoint: e.STORAGE_S3_ENDPOINT,
    region: e.STORAGE_S3_REGION ?? 'us-east-1',
    credentials:
      e.STORAGE_S3_ACCESS_KEY_ID && e.STORAGE_S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.STORAGE_S3_ACCESS_KEY_ID, secretAccessKey: e.STORAGE_S3_SECRET_ACCESS_KEY }
        : undefined,
    forcePathStyle: e.STORAGE_S3_FORCE_PATH_STYLE,
  };
}
