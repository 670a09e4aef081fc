package io.certrotator.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ModifyHostsCertificate}: all or nothing. Checks in this order, the first failure answering for the call:
 * parameters; scripted failures that change nothing; the credentials may act on the zone (not a Pages zone, not left
 * out by CAM: {@code UnauthorizedOperation.CamUnauthorized}); zone exists ({@code ResourceUnavailable.ZoneNotFound}), is
 * not paused ({@code OperationDenied.ErrZoneIsAlreadyPaused}) and is active ({@code FailedOperation.InvalidZoneStatus});
 * every host is in the zone, not {@code init} (waiting for its zone: {@code FailedOperation.InvalidZoneStatus}) and
 * not {@code forbidden} ({@code OperationDenied}); no wildcard host asks for a free certificate; every certificate
 * exists, has not expired and covers every host; the hosts carry one certificate configuration today. Then every host
 * but the silent ones and the {@code offline} ones (accepted, but an offline host keeps its configuration) gets
 * exactly (Mode, CertIds), status {@code deployed}; or, on a scripted failure that applies anyway, only the hosts
 * scripted so do, and the call answers the scripted error.
 */
final class ModifyHostsCertificateAction implements ApiAction {
    static final String NAME = "ModifyHostsCertificate";
    static final int MAX_HOSTS = 100;
    private static final Set<String> MODES = Set.of("disable", "eofreecert", "eofreecert_manual", "sslcert");
    private static final Set<String> PARAMETERS = Set.of("ZoneId", "Hosts", "Mode", "ServerCertInfo", "ApplyType",
            "ClientCertInfo", "UpstreamCertInfo");

    private final EdgeOneState state;
    private final ScriptedFailures scriptedFailures;
    private final Set<String> silentHosts;
    private final Clock clock;

    ModifyHostsCertificateAction(EdgeOneState state, ScriptedFailures scriptedFailures, Set<String> silentHosts,
                                 Clock clock) {
        this.state = state;
        this.scriptedFailures = scriptedFailures;
        this.silentHosts = silentHosts;
        this.clock = clock;
    }

    @Override
    public void execute(JsonNode params, ObjectNode response) {
        Params.rejectUnknown(params, PARAMETERS);
        String zoneId = Params.requiredString(params, "ZoneId");
        List<String> hosts = List.copyOf(new LinkedHashSet<>(Params.requiredStrings(params, "Hosts")));
        if (hosts.isEmpty()) {
            throw Params.invalidValue("Hosts must name at least one host");
        }
        if (hosts.size() > MAX_HOSTS) {
            throw Params.invalidValue("Hosts names " + hosts.size() + " hosts, at most " + MAX_HOSTS + " are allowed");
        }
        String mode = Params.optionalString(params, "Mode").orElse("disable");
        if (!MODES.contains(mode)) {
            throw Params.invalidValue("Mode " + mode + " is not one of disable, eofreecert, eofreecert_manual, sslcert");
        }
        List<String> certIds = certIds(params);
        if (mode.equals("sslcert") && certIds.isEmpty()) {
            throw Params.missing("ServerCertInfo (required when Mode is sslcert)");
        }
        if (!mode.equals("sslcert") && !certIds.isEmpty()) {
            throw Params.invalidValue("ServerCertInfo is only allowed when Mode is sslcert, not " + mode);
        }
        Optional<ScriptedFailures.Failure> scripted = scriptedFailures.consume(hosts);
        if (scripted.isPresent() && scripted.get().appliedAnyway().isEmpty()) {
            throw scripted.get().error();
        }
        synchronized (state) {
            validate(zoneId, hosts, mode, certIds);
            HostCertificate target = HostCertificate.deployed(mode, certIds);
            hosts.stream().filter(host -> !silentHosts.contains(host))
                    .filter(host -> scripted.isEmpty() || scripted.get().appliedAnyway().contains(host))
                    .filter(host -> !state.domainStatus(zoneId, host).equals("offline"))
                    .forEach(host -> state.putHost(zoneId, host, target));
        }
        if (scripted.isPresent()) {
            throw scripted.get().error();
        }
    }

    private static List<String> certIds(JsonNode params) {
        Set<String> ids = new LinkedHashSet<>();
        List<JsonNode> infos = Params.optionalObjects(params, "ServerCertInfo");
        for (int i = 0; i < infos.size(); i++) {
            ids.add(Params.requiredString(infos.get(i), "CertId").trim());
        }
        return new ArrayList<>(ids);
    }

    private void validate(String zoneId, List<String> hosts, String mode, List<String> certIds) {
        state.zoneView(zoneId).ifPresent(zone -> zone.profile().authorize(zoneId, NAME));
        ZoneStatus status = state.zoneStatus(zoneId).orElseThrow(() ->
                new ApiException(ErrorCodes.ZONE_NOT_FOUND, "zone " + zoneId + " not found"));
        if (status == ZoneStatus.PAUSED) {
            throw new ApiException(ErrorCodes.ZONE_PAUSED, "zone " + zoneId + " is paused");
        }
        if (!state.zoneView(zoneId).orElseThrow().profile().active()) {
            throw new ApiException(ErrorCodes.INVALID_ZONE_STATUS, "zone " + zoneId + " is not active");
        }
        for (String host : hosts) {
            if (!state.hasHost(zoneId, host)) {
                throw new ApiException(ErrorCodes.HOST_NOT_FOUND, "host " + host + " not found in zone " + zoneId);
            }
            switch (state.domainStatus(zoneId, host)) {
                case "init" -> throw new ApiException(ErrorCodes.INVALID_ZONE_STATUS,
                        "host " + host + " is not effective until zone " + zoneId + " is active");
                case "forbidden" -> throw new ApiException(ErrorCodes.OPERATION_DENIED,
                        "host " + host + " is forbidden");
                default -> {
                }
            }
            if (mode.startsWith("eofreecert") && host.startsWith("*.")) {
                throw new ApiException(ErrorCodes.WILDCARD_HOST_FREE_CERT,
                        "host " + host + " is a wildcard host and cannot get a free certificate");
            }
        }
        for (String certId : certIds) {
            Certificate cert = state.certificate(certId).orElseThrow(() ->
                    new ApiException(ErrorCodes.CERT_NOT_FOUND, "certificate " + certId + " not found"));
            if (cert.isExpiredAt(clock.instant())) {
                throw new ApiException(ErrorCodes.CERT_EXPIRED,
                        "certificate " + certId + " expired at " + cert.notAfter());
            }
            for (String host : hosts) {
                if (!cert.covers(host)) {
                    throw new ApiException(ErrorCodes.CERT_NOT_MATCH_DOMAIN,
                            "certificate " + certId + " does not match host " + host);
                }
            }
        }
        String first = hosts.get(0);
        HostCertificate firstConfig = state.host(zoneId, first).orElseThrow();
        for (String host : hosts) {
            if (!state.host(zoneId, host).orElseThrow().sameConfigurationAs(firstConfig)) {
                throw new ApiException(ErrorCodes.HOSTS_CERTIFICATE_INCONSISTENCY, "hosts " + first + " and " + host
                        + " carry different certificate configurations and cannot be modified in one call");
            }
        }
    }
}
