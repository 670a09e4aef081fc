package io.certrotator.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** "Fail the first N calls naming host X with code C": every call naming X uses up one of X's failures. */
final class ScriptedFailures {
    private record Script(int remaining, String code) {
    }

    private final Map<String, Script> byHost = new HashMap<>();

    synchronized void add(String host, int count, String code) {
        byHost.put(host, new Script(count, code));
    }

    /** The failure for this call, if one of its hosts has failures left; uses one up for each such host. */
    synchronized Optional<ApiException> consume(List<String> hosts) {
        ApiException failure = null;
        for (String host : hosts) {
            Script script = byHost.get(host);
            if (script == null || script.remaining() == 0) {
                continue;
            }
            byHost.put(host, new Script(script.remaining() - 1, script.code()));
            if (failure == null) {
                failure = new ApiException(script.code(), "host " + host + ": scripted failure " + script.code());
            }
        }
        return Optional.ofNullable(failure);
    }

    synchronized void clear() {
        byHost.clear();
    }
}
