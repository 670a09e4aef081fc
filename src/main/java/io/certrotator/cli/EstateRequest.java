package io.certrotator.cli;

import com.tencentcloudapi.common.Credential;

import java.util.List;

/**
 * What to read of the estate, and how: where the calls go, who signs them, which zones, how progress shows.
 *
 * @param given a credential that signs instead of the credential chain (the tests'), or null
 */
record EstateRequest(ApiAccessOptions.ApiTarget target, Credential given, List<String> zones, ProgressMode progress) {

    EstateRequest {
        zones = List.copyOf(zones);
    }

    /** Never shows the secret key. */
    @Override
    public String toString() {
        return "EstateRequest[" + target + ", " + zones + ", " + progress + "]";
    }
}
