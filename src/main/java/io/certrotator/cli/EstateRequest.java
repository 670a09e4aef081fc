package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;
import io.certrotator.plan.HostGlob;

import java.util.List;

/**
 * What to read of the estate, and how: where the calls go, who signs them, which zones, which hosts the command
 * looks for (its {@code --host} patterns, each of which should match a host read), how progress shows.
 *
 * @param given a credential that signs instead of the credential chain (the tests'), or null
 */
record EstateRequest(ApiAccessOptions.ApiTarget target, Credential given, List<String> zones, List<HostGlob> hosts,
                     ProgressMode progress) {

    EstateRequest {
        zones = List.copyOf(zones);
        hosts = List.copyOf(hosts);
    }

    /** A read for every host of the zones. */
    EstateRequest(ApiAccessOptions.ApiTarget target, Credential given, List<String> zones, ProgressMode progress) {
        this(target, given, zones, List.of(), progress);
    }

    /** Never shows the secret key. */
    @Override
    public String toString() {
        return "EstateRequest[" + target + ", " + zones + ", " + hosts + ", " + progress + "]";
    }
}
