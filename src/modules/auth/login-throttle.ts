/**
 * Slows down password guessing: at most `maxFailures` failed logins per email and IP address in a
 * sliding window. In memory, per process — enough for one node; behind several nodes each counts
 * on its own, which still bounds guessing to a small multiple.
 */
export type LoginThrottle = {
  isBlocked(key: string, now: Date): boolean;
  recordFailure(key: string, now: Date): void;
  reset(key: string): void;
};

export function createLoginThrottle(
  options: { maxFailures?: number; windowMs?: number } = {},
): LoginThrottle {
  const maxFailures = options.maxFailures ?? 10;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const failures = new Map<string, number[]>();

  const recent = (key: string, now: Date) => {
    const since = now.getTime() - windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };

  return {
    isBlocked: (key, now) => recent(key, now).length >= maxFailures,
    recordFailure: (key, now) => {
      const list = recent(key, now);
      list.push(now.getTime());
      failures.set(key, list);
      // Forget the oldest keys so a flood of distinct emails cannot grow the map without bound.
      if (failures.size > 100_000) {
        const oldest = failures.keys().next().value;
        if (oldest !== undefined) failures.delete(oldest);
      }
    },
    reset: (key) => {
      failures.delete(key);
    },
  };
}

export function throttleKey(email: string, ip: string): string {
  return `${email.trim().toLowerCase()}|${ip}`;
}
