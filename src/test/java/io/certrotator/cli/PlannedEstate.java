package io.certrotator.cli;

import io.certrotator.simulator.Certificate;
import io.certrotator.simulator.EdgeOneState;
import io.certrotator.simulator.HostCertificate;
import io.certrotator.simulator.ZoneProfile;
import io.certrotator.simulator.ZoneStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.LinkedHashSet;

/**
 * An estate of several zones for the inventory and plan tests, its expiry dates counted from now: hosts on an RSA
 * certificate that expires in 10 days, one on an RSA+ECC pair where only the RSA expires, an apex that a newer wildcard
 * does not cover, a host no certificate but its own covers, a host on a free certificate, a paused zone and an offline
 * host.
 */
final class PlannedEstate {

    static final String SHOP = "zone-shop1";
    static final String BLOG = "zone-blog1";
    static final String PAUSED = "zone-paused1";
    static final String NET = "zone-net1";

    private PlannedEstate() {
    }

    static void seed(EdgeOneState state) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS); // the APIs show expiries to the second
        certificate(state, "cert-old-rsa", "RSA 2048", now.plus(Duration.ofDays(10)), "shop.example.com",
                "*.shop.example.com");
        certificate(state, "cert-ecc", "ECC 256", now.plus(Duration.ofDays(300)), "shop.example.com",
                "*.shop.example.com");
        certificate(state, "cert-wild-new", "RSA 2048", now.plus(Duration.ofDays(500)), "*.shop.example.com");
        certificate(state, "cert-full-new", "RSA 2048", now.plus(Duration.ofDays(400)), "shop.example.com",
                "*.shop.example.com");
        certificate(state, "cert-blog-old", "RSA 2048", now.plus(Duration.ofDays(5)), "blog.example.org");
        certificate(state, "cert-net-old", "RSA 2048", now.plus(Duration.ofDays(5)), "*.example.net");
        certificate(state, "cert-net-new", "RSA 2048", now.plus(Duration.ofDays(400)), "*.example.net");

        state.setZoneProfile(SHOP, new ZoneProfile("shop.example.com", "full", "active", false));
        host(state, SHOP, "www.shop.example.com", "cert-old-rsa");
        host(state, SHOP, "api.shop.example.com", "cert-old-rsa", "cert-ecc");
        host(state, SHOP, "shop.example.com", "cert-old-rsa");
        state.putHost(SHOP, "free.shop.example.com", HostCertificate.deployed("eofreecert", List.of()));

        state.setZoneProfile(BLOG, new ZoneProfile("example.org", "full", "active", false));
        host(state, BLOG, "blog.example.org", "cert-blog-old");

        state.setZoneProfile(PAUSED, new ZoneProfile("paused.example.net", "partial", "active", false));
        host(state, PAUSED, "a.example.net", "cert-net-old");
        state.setZoneStatus(PAUSED, ZoneStatus.PAUSED);

        state.setZoneProfile(NET, new ZoneProfile("example.net", "partial", "active", false));
        host(state, NET, "off.example.net", "cert-net-old");
        state.setDomainStatus(NET, "off.example.net", "offline");
    }

    private static void host(EdgeOneState state, String zoneId, String host, String... certIds) {
        state.putHost(zoneId, host, HostCertificate.deployed("sslcert", List.of(certIds)));
    }

    private static void certificate(EdgeOneState state, String certId, String algorithm, Instant notAfter,
                                    String... names) {
        state.putCertificate(new Certificate(certId, new LinkedHashSet<>(List.of(names)),
                Certificate.DEFAULT_NOT_BEFORE, notAfter, algorithm, "", Certificate.ISSUED));
    }
}
