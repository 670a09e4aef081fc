package io.certrotator.estate;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a read of the estate has got: calls sent and those still under way (waiting for an answer, or retried after a
 * transient error), and, as the answers arrive, zones listed and zones whose hosts are read, hosts and certificates. A
 * progress display reads it from its own thread; the read never waits for it.
 */
public final class EstateReadProgress {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong callsEnded = new AtomicLong();
    private final AtomicLong zonesListed = new AtomicLong();
    private final AtomicLong zonesRead = new AtomicLong();
    private final AtomicLong hosts = new AtomicLong();
    private final AtomicLong certificates = new AtomicLong();

    /**
     * The figures at one moment. {@code calls} counts the calls sent, a call retried once; {@code callsUnderWay} those
     * of them without their last answer yet. {@code zonesRead} counts zones done, readable or not.
     */
    public record Figures(long calls, long callsUnderWay, long zonesListed, long zonesRead, long hosts,
                          long certificates) {

        /** {@code 3/5 zones read, 120 hosts, 40 certificates, 9 calls (2 under way)}. */
        public String describe() {
            return String.format("%d/%d zones read, %d hosts, %d certificates, %s", zonesRead, zonesListed, hosts,
                    certificates, describeCalls());
        }

        /** {@code 9 calls (2 under way)}: a call retried while nothing has answered yet shows as under way. */
        public String describeCalls() {
            return calls + " calls" + (callsUnderWay == 0 ? "" : " (" + callsUnderWay + " under way)");
        }
    }

    public Figures figures() {
        long ended = callsEnded.get();
        return new Figures(calls.get(), calls.get() - ended, zonesListed.get(), zonesRead.get(), hosts.get(),
                certificates.get());
    }

    void callSent() {
        calls.incrementAndGet();
    }

    /** Answered, refused, or given up after its retries. */
    void callEnded() {
        callsEnded.incrementAndGet();
    }

    void zoneListed() {
        zonesListed.incrementAndGet();
    }

    void zoneRead(int hostsOfZone) {
        hosts.addAndGet(hostsOfZone);
        zonesRead.incrementAndGet();
    }

    void certificateListed() {
        certificates.incrementAndGet();
    }
}
