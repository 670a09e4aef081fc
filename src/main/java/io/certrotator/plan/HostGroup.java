package io.certrotator.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hosts that share one ModifyHostsCertificate call: same zone, mode and target certificates.
 *
 * @param linesByHost the input lines behind each host (an exact duplicate row adds a line, not a host)
 * @param attempts    calls already made for these hosts
 */
public record HostGroup(String zoneId, String mode, List<String> certIds, Map<String, List<Long>> linesByHost,
                        int attempts) {

    public HostGroup {
        certIds = List.copyOf(certIds);
        linesByHost = Map.copyOf(linesByHost);
    }

    public List<String> hosts() {
        return linesByHost.keySet().stream().sorted().toList();
    }

    public List<Long> lines() {
        return linesByHost.values().stream().flatMap(List::stream).sorted().toList();
    }

    public List<Long> linesOf(String host) {
        return linesByHost.getOrDefault(host, List.of());
    }

    /** The same call narrowed to one of its hosts. */
    public HostGroup only(String host) {
        return new HostGroup(zoneId, mode, certIds, Map.of(host, linesOf(host)), attempts);
    }

    /** The same call narrowed to some of its hosts. */
    public HostGroup only(Collection<String> hosts) {
        Map<String, List<Long>> lines = new HashMap<>();
        hosts.forEach(host -> lines.put(host, linesOf(host)));
        return new HostGroup(zoneId, mode, certIds, lines, attempts);
    }

    public HostGroup withAttempts(int attempts) {
        return new HostGroup(zoneId, mode, certIds, linesByHost, attempts);
    }

    /** The two halves of this group (by host), each keeping its lines and attempts. */
    public List<HostGroup> split() {
        List<String> hosts = hosts();
        int half = hosts.size() / 2;
        List<HostGroup> halves = new ArrayList<>(2);
        for (List<String> part : List.of(hosts.subList(0, half), hosts.subList(half, hosts.size()))) {
            Map<String, List<Long>> lines = new java.util.HashMap<>();
            part.forEach(host -> lines.put(host, linesByHost.get(host)));
            halves.add(new HostGroup(zoneId, mode, certIds, lines, attempts));
        }
        return halves;
    }
}
