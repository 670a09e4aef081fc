package io.certrotator.simulator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Fail the first N calls naming host X with code C", the failure leaving X as it was or, as an ambiguous failure
 * such as {@code FailedOperation.ModifyFailed} sometimes does, changing it anyway: every call naming X uses up one of
 * X's failures.
 */
final class ScriptedFailures {
    private record Script(int remaining, String code, boolean appliedAnyway) {
    }

    /** The error a call answers with, and the hosts of the call it changes nonetheless. */
    record Failure(ApiException error, Set<String> appliedAnyway) {
        Failure {
            appliedAnyway = Set.copyOf(appliedAnyway);
        }
    }

    private final Map<String, Script> byHost = new HashMap<>();

    synchronized void add(String host, int count, String code, boolean appliedAnyway) {
        byHost.put(host, new Script(count, code, appliedAnyway));
    }

    /** The failure for this call, if one of its hosts has failures left; uses one up for each such host. */
    synchronized Optional<Failure> consume(List<String> hosts) {
        ApiException error = null;
        Set<String> applied = new HashSet<>();
        for (String host : hosts) {
            Script script = byHost.get(host);
            if (script == null || script.remaining() == 0) {
                continue;
            }
            byHost.put(host, new Script(script.remaining() - 1, script.code(), script.appliedAnyway()));
            if (error == null) {
                error = new ApiException(script.code(), "host " + host + ": scripted failure " + script.code());
            }
            if (script.appliedAnyway()) {
                applied.add(host);
            }
        }
        return error == null ? Optional.empty() : Optional.of(new Failure(error, applied));
    }

    synchronized void clear() {
        byHost.clear();
    }
}
