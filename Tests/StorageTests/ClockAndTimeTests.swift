import SandboxCore
import Testing

@Suite struct ClockAndTimeTests {
    @Test func manualClockStandsStillAndAdvances() {
        let clock = SandboxClock(mode: .manual, scale: 1, anchorSandbox: 1_000, anchorReal: 50)
        #expect(clock.now(real: 10_000) == 1_000)
        #expect(clock.set(to: 1_500, real: 10_000).now(real: 99_999) == 1_500)
    }

    @Test func realtimeClockScales() {
        let clock = SandboxClock(mode: .realtime, scale: 60, anchorSandbox: 0, anchorReal: 1_000)
        #expect(clock.now(real: 2_000) == 60_000)
    }

    @Test func anAbsurdScaleStaysWithinRepresentableTime() {
        let clock = SandboxClock(mode: .realtime, scale: 1_000_000, anchorSandbox: 0, anchorReal: 0)
        #expect(SandboxClock.representable.contains(clock.now(real: Int64.max / 2)))
    }

    @Test func changingModeNeverJumps() {
        let clock = SandboxClock(mode: .realtime, scale: 2, anchorSandbox: 0, anchorReal: 0)
        let frozen = clock.reanchored(real: 5_000, mode: .manual)
        #expect(frozen.now(real: 9_000) == 10_000)
        let running = frozen.reanchored(real: 9_000, mode: .realtime, scale: 1)
        #expect(running.now(real: 10_000) == 11_000)
    }

    @Test func timestampsRenderInEachAPIsForm() {
        let millis: Int64 = 1_657_726_548_000  // 2022-07-13T15:35:48Z
        #expect(Timestamp.iso8601(millis) == "2022-07-13T15:35:48Z")
        #expect(Timestamp.laravel(millis) == "2022-07-13T15:35:48.000000Z")
        #expect(Timestamp.laravel(millis + 250) == "2022-07-13T15:35:48.250000Z")
        #expect(Timestamp.mysql(millis) == "2022-07-13 15:35:48")
        #expect(Timestamp.unixSeconds(millis + 999) == 1_657_726_548)
    }

    @Test func iso8601ParsesWhatItWritesAndOffsets() {
        #expect(Timestamp.parseISO8601("2022-07-13T15:35:48Z") == 1_657_726_548_000)
        #expect(Timestamp.parseISO8601("2022-07-13T15:35:48.5Z") == 1_657_726_548_500)
        #expect(Timestamp.parseISO8601("2022-07-13T17:35:48+02:00") == 1_657_726_548_000)
        #expect(Timestamp.parseISO8601("1970-01-01T00:00:00Z") == 0)
        #expect(Timestamp.parseISO8601("2022-13-01T00:00:00Z") == nil)
        #expect(Timestamp.parseISO8601("yesterday") == nil)
        #expect(Timestamp.parseISO8601("2022-07-13T15:35:48Zjunk") == nil)
    }

    @Test func seededRandomIsReproduciblePerToken() {
        var first = SeededRandom(seed: 7, token: "alpha")
        var again = SeededRandom(seed: 7, token: "alpha")
        var other = SeededRandom(seed: 7, token: "beta")
        let password = first.password()
        #expect(password == again.password())
        #expect(password != other.password())
        #expect(password.count == 12)
        let mac = first.macAddress()
        #expect(mac.split(separator: ":").count == 6)
        #expect(first.ipv4(prefix: "185.223").hasPrefix("185.223."))
    }
}
