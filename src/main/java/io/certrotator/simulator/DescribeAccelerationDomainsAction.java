package io.certrotator.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code DescribeAccelerationDomains}: the zone's hosts in name order, paged by Offset (default 0) and Limit
 * (default 20, at most 200), filtered by {@code domain-name} (exact names, at most 20 values per filter). Each host
 * shows its domain status and its certificates with their signature algorithm, expiry and deployment status. A zone
 * of type {@code pages}, or one marked unauthorized, answers {@link ErrorCodes#UNAUTHORIZED_ZONE}.
 */
final class DescribeAccelerationDomainsAction implements ApiAction {
    static final String NAME = "DescribeAccelerationDomains";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 200;
    private static final int MAX_FILTER_VALUES = 20;
    private static final Set<String> PARAMETERS = Set.of("ZoneId", "Offset", "Limit", "Filters", "Order",
            "Direction", "Match");

    private final EdgeOneState state;

    DescribeAccelerationDomainsAction(EdgeOneState state) {
        this.state = state;
    }

    @Override
    public void execute(JsonNode params, ObjectNode response) {
        Params.rejectUnknown(params, PARAMETERS);
        String zoneId = Params.requiredString(params, "ZoneId");
        Params.Page page = Params.page(params, DEFAULT_LIMIT, MAX_LIMIT);
        Predicate<String> filter = filter(params);
        synchronized (state) {
            ZoneProfile profile = state.zoneView(zoneId).orElseThrow(() ->
                    new ApiException(ErrorCodes.ZONE_NOT_FOUND, "zone " + zoneId + " not found")).profile();
            profile.authorize(zoneId, NAME);
            List<String> hosts = state.hosts(zoneId).stream().filter(filter).toList();
            response.put("TotalCount", hosts.size());
            ArrayNode domains = response.putArray("AccelerationDomains");
            hosts.stream().skip(page.offset()).limit(page.limit())
                    .forEach(host -> domain(domains.addObject(), zoneId, host));
        }
    }

    private static Predicate<String> filter(JsonNode params) {
        Predicate<String> all = host -> true;
        for (JsonNode filter : Params.optionalObjects(params, "Filters")) {
            String name = Params.requiredString(filter, "Name");
            if (!name.equals("domain-name")) {
                throw Params.invalidValue("filter " + name + " is not supported, only domain-name");
            }
            List<String> values = Params.requiredStrings(filter, "Values").stream()
                    .map(v -> v.trim().toLowerCase(Locale.ROOT)).toList();
            if (values.size() > MAX_FILTER_VALUES) {
                throw Params.invalidValue("filter domain-name has " + values.size() + " values, at most "
                        + MAX_FILTER_VALUES + " are allowed");
            }
            all = all.and(values::contains);
        }
        return all;
    }

    /** Called holding the state's lock. */
    private void domain(ObjectNode domain, String zoneId, String host) {
        HostCertificate config = state.host(zoneId, host).orElseThrow();
        domain.put("ZoneId", zoneId);
        domain.put("DomainName", host);
        domain.put("DomainStatus", state.domainStatus(zoneId, host));
        ObjectNode certificate = domain.putObject("Certificate");
        certificate.put("Mode", config.mode());
        ArrayNode list = certificate.putArray("List");
        for (String certId : config.certIds()) {
            ObjectNode cert = list.addObject().put("CertId", certId);
            state.certificate(certId).ifPresent(known -> cert.put("Alias", known.alias()).put("Type", "upload")
                    .put("ExpireTime", known.expireTimeText()).put("SignAlgo", known.algorithm()));
            cert.put("Status", config.status());
        }
    }
}
