import type { AgingBucket } from '../api-types.ts';

/** CSS modifier per aging bucket: green → amber → red as the debt grows older. */
export const bucketClass = (bucket: AgingBucket): string =>
  `aging aging-${bucket === '90+' ? '90plus' : bucket}`;
