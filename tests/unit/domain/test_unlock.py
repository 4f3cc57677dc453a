"""The wait after wrong passphrases: three free tries, then doubling, capped."""

from __future__ import annotations

from mentorpair.domain.unlock import UnlockThrottle


def test_three_free_failures_then_doubling_up_to_thirty_seconds():
    throttle = UnlockThrottle()
    waits = [throttle.record_failure() for _ in range(12)]
    assert waits == [0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30, 30]
    assert all(isinstance(w, float) for w in waits)


def test_no_wait_before_any_failure():
    assert UnlockThrottle().delay() == 0.0


def test_delay_reports_the_current_wait_without_counting():
    throttle = UnlockThrottle()
    for _ in range(5):
        throttle.record_failure()
    assert throttle.delay() == throttle.delay() == 2.0
    assert throttle.failures == 5


def test_cap_holds_for_very_many_failures():
    throttle = UnlockThrottle(failures=10_000)
    assert throttle.delay() == 30.0


def test_reset_forgets_failures():
    throttle = UnlockThrottle()
    for _ in range(8):
        throttle.record_failure()
    throttle.reset()
    assert throttle.failures == 0
    assert throttle.delay() == 0.0
    assert throttle.record_failure() == 0.0


def test_settings_are_respected():
    throttle = UnlockThrottle(free_attempts=1, max_delay=5.0)
    assert [throttle.record_failure() for _ in range(6)] == [0, 1, 2, 4, 5, 5]
