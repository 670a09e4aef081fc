package io.certrotator.simulator;

import java.util.Locale;
import java.util.Map;

/**
 * One API service the simulator serves: its name (the first label of its host and the signature's scope), its
 * version and its actions. Any other action of the service answers {@code InvalidAction}.
 */
record SimulatedService(String name, String version, Map<String, ApiAction> actions) {
    static final String TEO = "teo";
    static final String SSL = "ssl";

    SimulatedService {
        actions = Map.copyOf(actions);
    }

    /**
     * The service a request is for, from its Host header: {@code ssl.tencentcloudapi.com} (or
     * {@code ssl.intl.tencentcloudapi.com}) is the SSL service; any other host, a bare loopback address included,
     * is EdgeOne.
     */
    static String nameFor(String hostHeader) {
        return hostHeader != null && hostHeader.toLowerCase(Locale.ROOT).startsWith(SSL + ".") ? SSL : TEO;
    }
}
