package io.certrotator.estate;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a read of the estate has got, counted as the answers arrive: calls answered, zones listed and zones whose
 * hosts are read, hosts and certificates. A progress display reads it from its own thread; the read never waits for it.
 */
public final class EstateReadProgress {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong zonesListed = new AtomicLong();
    private final AtomicLong zonesRead = new AtomicLong();
    private final AtomicLong hosts = new AtomicLong();
    private final AtomicLong certificates = new AtomicLong();

    /** The figures at one moment. {@code zonesRead} counts zones done, readable or not. */
    public record Figures(long calls, long zonesListed, long zonesRead, long hosts, long certificates) {

        public String describe() {
            return String.format("%d/%d zones read, %d hosts, %d certificates, %d calls", zonesRead, zonesListed, hosts,
                    certificates, calls);
        }
    }

    public Figures figures() {
        return new Figures(calls.get(), zonesListed.get(), zonesRead.get(), hosts.get(), certificates.get());
    }

    void callAnswered() {
        calls.incrementAndGet();
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
