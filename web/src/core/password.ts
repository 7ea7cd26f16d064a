import SparkMD5 from 'spark-md5';

/** What the login mutations expect: the MD5 hex of the typed password, as the legacy clients send it. */
export const passwordDigest = (typed: string): string => SparkMD5.hash(typed);
