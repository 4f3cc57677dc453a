"""The wait after repeated wrong passphrases.

The key derivation already costs every guess about half a second; the wait
makes guessing at the keyboard slower still, without punishing one typo. It
lives in memory only, so restarting the app resets it: the real protection
against a thief with the files is the key derivation, not this.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["UnlockThrottle"]


@dataclass
class UnlockThrottle:
    """Counts failures and says how long to wait before the next try.

    Attributes:
        free_attempts: failures allowed before any wait.
        max_delay: the wait never grows beyond this many seconds.
    """

    free_attempts: int = 3
    max_delay: float = 30.0
    failures: int = 0

    def record_failure(self) -> float:
        """Count a failure; return the seconds to wait before the next try."""
        self.failures += 1
        return self.delay()

    def delay(self) -> float:
        """Seconds to wait now: 0, then 1, 2, 4 … up to ``max_delay``."""
        over = self.failures - self.free_attempts
        if over <= 0:
            return 0.0
        return float(min(self.max_delay, 2 ** (over - 1)))

    def reset(self) -> None:
        """Forget the failures after a successful unlock."""
        self.failures = 0
