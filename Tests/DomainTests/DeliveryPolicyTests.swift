import Domain
import Foundation
import Testing

@Suite("The outbox's retry rule")
struct DeliveryPolicyTests {
    let now = Date(timeIntervalSince1970: 1_795_399_200)
    let policy = DeliveryPolicy(maximumAttempts: 4, baseDelay: 30, maximumDelay: 100)

    @Test func deliveredAndPermanentAreFinal() {
        #expect(policy.decide(.delivered, attemptsBefore: 2, now: now, jitter: 0.5).state == .sent)
        let dead = policy.decide(.permanent("签名错误"), attemptsBefore: 0, now: now, jitter: 0.5)
        #expect(dead.state == .dead && dead.error == "签名错误")
    }

    @Test func retriesBackOffExponentiallyWithinBoundsAndJitter() {
        for (before, base) in [(0, 30.0), (1, 60.0), (2, 100.0)] {
            let low = policy.decide(.retryable("超时"), attemptsBefore: before, now: now, jitter: 0)
            let high = policy.decide(.retryable("超时"), attemptsBefore: before, now: now, jitter: 0.999)
            #expect(low.state == .pending)
            #expect(low.nextAttemptAt.timeIntervalSince(now) == base)
            #expect(high.nextAttemptAt.timeIntervalSince(now) < base * 1.5)
        }
    }

    @Test func theLastAttemptGivesUpWithTheReason() {
        let last = policy.decide(.retryable("HTTP 500"), attemptsBefore: 3, now: now, jitter: 0.5)
        #expect(last.state == .dead)
        #expect(last.error == "已尝试 4 次仍失败：HTTP 500")
    }
}
