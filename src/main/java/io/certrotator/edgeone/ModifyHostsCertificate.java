package io.certrotator.edgeone;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One ModifyHostsCertificate request: the hosts' certificate list becomes exactly {@code certIds}. */
public record ModifyHostsCertificate(String zoneId, List<String> hosts, String mode, List<String> certIds) {

    public static final String ACTION = "ModifyHostsCertificate";

    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("ZoneId", zoneId);
        parameters.put("Hosts", hosts);
        parameters.put("Mode", mode);
        if (!certIds.isEmpty()) {
            parameters.put("ServerCertInfo", certIds.stream().map(id -> Map.of("CertId", id)).toList());
        }
        return parameters;
    }
}
