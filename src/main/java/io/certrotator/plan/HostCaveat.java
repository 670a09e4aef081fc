package io.certrotator.plan;

import io.certrotator.estate.HostRecord;
import io.certrotator.estate.ZoneRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What may keep the engine from applying a row, as the estate shows it: a paused zone, a zone that is not active, a
 * host that is not online. Such hosts are planned all the same; the engine decides.
 */
final class HostCaveat {

    private HostCaveat() {
    }

    static String of(Optional<ZoneRecord> zone, HostRecord host) {
        List<String> caveats = new ArrayList<>();
        zone.ifPresent(z -> {
            if (z.paused()) {
                caveats.add("zone paused");
            }
            if (!z.status().isEmpty() && !z.status().equals("active")) {
                caveats.add("zone " + z.status());
            }
        });
        if (!host.domainStatus().isEmpty() && !host.domainStatus().equals("online")) {
            caveats.add("host " + host.domainStatus());
        }
        return String.join("; ", caveats);
    }
}
